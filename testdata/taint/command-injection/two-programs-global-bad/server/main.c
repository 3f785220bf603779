/* c.command-injection, two-programs-global, bad: the server keeps a
 * command from its environment in its global `g_cmd` and runs it. */
#include <stdlib.h>

const char *g_cmd;

static void run(void)
{
	system(g_cmd); /* BH-EXPECT: c.command-injection */
}

int main(void)
{
	g_cmd = getenv("CMD");
	if (g_cmd)
		run();
	return 0;
}
