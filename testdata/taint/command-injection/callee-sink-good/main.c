/* c.command-injection, callee-sink, good: the function that runs commands is
 * only called with a literal. */
#include <stdio.h>
#include <stdlib.h>

static int run(const char *cmd)
{
	return system(cmd);
}

int main(void)
{
	char line[256];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	printf("got %s", line);
	return run("sync");
}
