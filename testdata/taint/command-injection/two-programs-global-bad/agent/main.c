/* c.command-injection, two-programs-global, bad: the build context holds
 * two programs, agent/ and server/, each with its own `g_cmd` of external
 * linkage. The agent's holds a fixed command and is only printed. */
#include <stdio.h>

const char *g_cmd;

int main(void)
{
	g_cmd = "uptime";
	puts(g_cmd);
	return 0;
}
