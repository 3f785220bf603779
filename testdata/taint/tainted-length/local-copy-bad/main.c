/* c.tainted-length, local-copy, bad: an indent width from the environment,
 * copied to a local, is memset's length. */
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

	memset(line, 0, sizeof line);
	memset(line, ' ', (size_t)m); /* BH-EXPECT: c.tainted-length */
	printf("%sindented\n", line);
	return 0;
}
