/* c.tainted-loop-bound, scaled-by-global, bad: a progress bar's width
 * comes from the environment into a global; each step prints a share of
 * it, so the environment decides how long the loop runs. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long columns;

static void progress(unsigned long done, unsigned long total)
{
	unsigned long chars = done * columns / total;
	for (unsigned long j = 0; j < chars; j++) /* BH-EXPECT: c.tainted-loop-bound */
		putchar('#');
	putchar('\n');
}

int main(void)
{
	const char *s = getenv("COLUMNS");
	columns = s ? strtoul(s, NULL, 10) : 80;
	for (unsigned long i = 1; i <= 10; i++)
		progress(i, 10);
	return 0;
}
