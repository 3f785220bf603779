/* c.command-injection, loop, bad: every line of standard input runs through
 * the shell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char line[256];
	int failures = 0;

	while (fgets(line, sizeof line, stdin) != NULL) {
		char *nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (system(line) != 0) /* BH-EXPECT: c.command-injection */
			failures++;
	}
	return failures > 0;
}
