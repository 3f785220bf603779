/* c.tainted-loop-bound, delimiter-distance, bad: the end of the span is
 * the line moved by a count parsed from the line itself, so the input
 * decides how far apart the two pointers are, and so how many times the
 * loops run (and how far past the line they read): here, and in a helper
 * that loops over the distance between the two pointers it is given. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long span_hash(const char *from, const char *to)
{
	unsigned long h = 5381;
	size_t len = (size_t)(to - from);
	for (size_t i = 0; i < len; i++) /* BH-EXPECT: c.tainted-loop-bound */
		h = h * 33 + (unsigned char)from[i];
	return h;
}

int main(void)
{
	char line[512];
	unsigned long total = 0;
	while (fgets(line, sizeof line, stdin)) {
		unsigned long n = strtoul(line, NULL, 10);
		char *end = line + n;
		size_t span = (size_t)(end - line);
		for (size_t i = 0; i < span; i++) /* BH-EXPECT: c.tainted-loop-bound */
			total += line[i] == '-';
		total += span_hash(line, end);
	}
	printf("%lu\n", total);
	return 0;
}
