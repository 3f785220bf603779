/* c.command-injection, init-list, bad: a job built with an initialiser list
 * runs the command read from stdin. */
#include <stdio.h>
#include <stdlib.h>

struct job {
	const char *cmd;
	const char *label;
};

int main(void)
{
	char line[256];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	struct job j = { .cmd = line, .label = "user" };
	printf("running %s\n", j.label);
	return system(j.cmd); /* BH-EXPECT: c.command-injection */
}
