/* c.tainted-length, local-copy, good: the copy of the indent width is checked
 * against the buffer before memset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char line[80];
	const char *s = getenv("INDENT");

	if (s == NULL)
		return 0;
	int n = atoi(s);
	int m = n;
	if (m < 0 || m >= (int)sizeof line)
		return 2;
	memset(line, 0, sizeof line);
	memset(line, ' ', (size_t)m);
	printf("%sindented\n", line);
	return 0;
}
