/* c.command-injection, two-programs, bad: the server's run_command()
 * hands its argument to the shell. It, not agent/util.c's, is what
 * server/main.c links to. */
#include <stdlib.h>

void run_command(const char *cmd)
{
	system(cmd); /* BH-EXPECT: c.command-injection */
}
