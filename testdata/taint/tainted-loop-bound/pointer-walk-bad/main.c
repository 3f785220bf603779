/* c.tainted-loop-bound, pointer-walk, bad: the end of each walk is the
 * buffer moved by a count parsed from input (then by a constant), so the
 * input decides how many times the loop runs (and how far past the
 * buffer it writes). */
#include <stdio.h>
#include <stdlib.h>

static char table[4096];

static void clear_pairs(char *from, char *to)
{
	for (char *p = from; p < to - 1; p += 2) /* BH-EXPECT: c.tainted-loop-bound */
		p[0] = p[1] = 0;
}

int main(void)
{
	char line[64];

	if (!fgets(line, sizeof line, stdin))
		return 1;
	unsigned long n = strtoul(line, NULL, 10);
	char *end = table + n;
	for (char *p = table; p < end; p++) /* BH-EXPECT: c.tainted-loop-bound */
		*p = 0;
	clear_pairs(table, table + n);
	puts(table);
	return 0;
}
