/* c.command-injection, two-programs, good: the server's run_command()
 * only prints the command. It, not agent/util.c's, is what
 * server/main.c links to. */
#include <stdio.h>

void run_command(const char *cmd)
{
	printf("would run: %s\n", cmd);
}
