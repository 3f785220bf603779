/* c.tainted-index, direct, bad: a number from the environment indexes
 * a table. */
#include <stdio.h>
#include <stdlib.h>

static const char *const levels[] = { "debug", "info", "warning", "error" };

int main(void)
{
	const char *s = getenv("LOG_LEVEL");

	if (s == NULL)
		return 2;
	int i = atoi(s);

	puts(levels[i]); /* BH-EXPECT: c.tainted-index */
	return 0;
}
