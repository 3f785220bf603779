/* c.resource-leak, helper-return, bad: the stream opened by open_config()
 * is read and never closed. */
#include <stdio.h>

static FILE *open_config(const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		perror(path);
	return f;
}

int config_port(const char *path)
{
	FILE *f = open_config(path);
	int port = 0;

	if (f == NULL)
		return -1;
	if (fscanf(f, "port %d", &port) != 1)
		port = 8080;
	return port; /* BH-EXPECT: c.resource-leak */
}
