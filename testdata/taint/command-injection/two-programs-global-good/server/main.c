/* c.command-injection, two-programs-global, good: the server keeps a
 * command from its environment in its global `g_cmd` and only prints it. */
#include <stdio.h>
#include <stdlib.h>

const char *g_cmd;

int main(void)
{
	g_cmd = getenv("CMD");
	if (g_cmd)
		puts(g_cmd);
	return 0;
}
