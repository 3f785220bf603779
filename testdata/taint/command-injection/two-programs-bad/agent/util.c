/* c.command-injection, two-programs, bad: the build context holds two
 * programs, agent/ and server/, each with its own run_command() of
 * external linkage. This agent's only prints the command. */
#include <stdio.h>

void run_command(const char *cmd)
{
	printf("would run: %s\n", cmd);
}
