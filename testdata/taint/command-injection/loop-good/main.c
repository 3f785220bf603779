/* c.command-injection, loop, good: each line is only compared with an
 * allowed name; the command run is a literal. */
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
		if (strcmp(line, "sync") == 0 && system("sync") != 0)
			failures++;
	}
	return failures > 0;
}
