/* c.command-injection, callee-sink, bad: a line from stdin is passed to a
 * function that runs it. */
#include <stdio.h>
#include <stdlib.h>

static int run(const char *cmd)
{
	return system(cmd); /* BH-EXPECT: c.command-injection */
}

int main(void)
{
	char line[256];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	return run(line);
}
