/* c.tainted-loop-bound, pointer-moved-earlier, bad: the end of the walk
 * is the line moved by a count parsed from it, in a block before the
 * call: the input decides how far the callee walks (past the line). */
#include <stdio.h>
#include <stdlib.h>

static int count_commas(const char *p, const char *end)
{
	int n = 0;
	while (p < end) { /* BH-EXPECT: c.tainted-loop-bound */
		n += *p == ',';
		p++;
	}
	return n;
}

int main(void)
{
	char line[256];

	if (!fgets(line, sizeof line, stdin))
		return 1;
	const char *end = line + strtoul(line, NULL, 10);
	if (line[0] == '#')
		return 0;
	printf("%d\n", count_commas(line, end));
	return 0;
}
