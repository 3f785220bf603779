/* c.command-injection, two-programs, good: the build context holds two
 * programs, agent/ and server/, each with its own run_command() of
 * external linkage. The agent's hands its argument to the shell, and
 * the agent only ever passes a fixed command. */
#include <stdlib.h>

void run_command(const char *cmd)
{
	system(cmd);
}
