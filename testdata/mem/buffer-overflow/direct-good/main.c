/* c.buffer-overflow, direct, good: the global buffer has room for the
 * default host name and its terminating NUL. */
#include <stdio.h>
#include <string.h>

static char g_hostname[64];

void config_defaults(void)
{
	strcpy(g_hostname, "build-server-01.internal");
}

int config_print(FILE *out)
{
	return fprintf(out, "hostname = %s\n", g_hostname);
}
