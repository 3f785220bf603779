/* c.format-string, loop, bad: each line of standard input is warnx's
 * format. */
#include <err.h>
#include <stdio.h>

int main(void)
{
	char line[256];

	while (fgets(line, sizeof line, stdin) != NULL)
		warnx(line); /* BH-EXPECT: c.format-string */
	return 0;
}
