/* c.uninitialized-read, direct, good: the port starts at a default that
 * the option string may override. */
#include <stdlib.h>

int parse_port(const char *opt)
{
	int port = 8080;

	if (opt != NULL && opt[0] != '\0')
		port = atoi(opt);
	if (port <= 0 || port > 65535)
		return -1;
	return port;
}
