/* c.command-injection, init-list, good: the line read from stdin is only
 * the job's label; the command it runs is a constant. */
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
	struct job j = { .cmd = "uptime", .label = line };
	printf("running %s\n", j.label);
	return system(j.cmd);
}
