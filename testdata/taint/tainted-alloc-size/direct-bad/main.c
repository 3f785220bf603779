/* c.tainted-alloc-size, direct, bad: a size from the environment goes
 * straight to malloc. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *s = getenv("BUF_SIZE");

	if (s == NULL)
		return 2;
	size_t n = strtoul(s, NULL, 10);

	char *buf = malloc(n); /* BH-EXPECT: c.tainted-alloc-size */
	if (buf == NULL)
		return 1;
	printf("allocated %zu bytes\n", n);
	free(buf);
	return 0;
}
