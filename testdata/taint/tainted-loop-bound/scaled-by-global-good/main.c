/* c.tainted-loop-bound, scaled-by-global, good: the progress bar's width
 * comes from the environment, but each step's share is capped before the
 * loop prints it. */
#include <stdio.h>
#include <stdlib.h>

#define MAX_COLUMNS 200

static unsigned long columns;

static void progress(unsigned long done, unsigned long total)
{
	unsigned long chars = done * columns / total;
	if (chars > MAX_COLUMNS)
		chars = MAX_COLUMNS;
	for (unsigned long j = 0; j < chars; j++)
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
