/* c.sizeof-pointer, local-copy, bad: 'out' points into the array, and
 * sizeof(out) is the pointer's size, not the array's. */
#include <stdio.h>
#include <string.h>

void format_greeting(const char *name)
{
	char line[128];
	char *out = line;

	memset(out, 0, sizeof(out)); /* BH-EXPECT: c.sizeof-pointer */
	snprintf(line, sizeof(line), "hello, %s", name);
	puts(line);
}
