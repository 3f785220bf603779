/* c.sizeof-pointer, local-copy, good: the length is the array's size. */
#include <stdio.h>
#include <string.h>

void format_greeting(const char *name)
{
	char line[128];
	char *out = line;

	memset(out, 0, sizeof(line));
	snprintf(line, sizeof(line), "hello, %s", name);
	puts(line);
}
