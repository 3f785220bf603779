/* c.command-injection, two-programs-global, good: the build context holds
 * two programs, agent/ and server/, each with its own `g_cmd` of external
 * linkage. The agent's holds a fixed command: the server's environment
 * never reaches it. */
#include <stdlib.h>

const char *g_cmd;

static void run(void)
{
	system(g_cmd);
}

int main(void)
{
	g_cmd = "uptime";
	run();
	return 0;
}
