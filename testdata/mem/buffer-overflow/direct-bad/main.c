/* c.buffer-overflow, direct, bad: the default host name is 24 characters
 * long and strcpy() writes it into a 16-byte global buffer. */
#include <stdio.h>
#include <string.h>

static char g_hostname[16];

void config_defaults(void)
{
	strcpy(g_hostname, "build-server-01.internal"); /* BH-EXPECT: c.buffer-overflow */
}

int config_print(FILE *out)
{
	return fprintf(out, "hostname = %s\n", g_hostname);
}
