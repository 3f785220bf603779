/* c.command-injection, two-programs, bad: a line read from stdin goes to
 * the server's run_command(), which runs it. */
#include <stdio.h>

void run_command(const char *cmd);

int main(void)
{
	char line[256];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	run_command(line);
	return 0;
}
