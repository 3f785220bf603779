/* c.format-string, loop, good: each line of standard input is an
 * argument of a literal format. */
#include <err.h>
#include <stdio.h>

int main(void)
{
	char line[256];

	while (fgets(line, sizeof line, stdin) != NULL)
		warnx("%s", line);
	return 0;
}
