/* c.tainted-loop-bound, pointer-moved-earlier, good: the count parsed
 * from the line is reduced modulo the line's size before it moves the
 * end, in a block before the call: the walk stays within the line. */
#include <stdio.h>
#include <stdlib.h>

static int count_commas(const char *p, const char *end)
{
	int n = 0;
	while (p < end) {
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
	const char *end = line + strtoul(line, NULL, 10) % sizeof line;
	if (line[0] == '#')
		return 0;
	printf("%d\n", count_commas(line, end));
	return 0;
}
