/* c.tainted-length, loop, bad: each size scanned in the loop is the
 * size of an fread into a 128-byte buffer. */
#include <stdio.h>

int main(void)
{
	char chunk[128];
	size_t n;
	size_t total = 0;

	while (scanf("%zu", &n) == 1) {

		total += fread(chunk, 1, n, stdin); /* BH-EXPECT: c.tainted-length */
	}
	printf("%zu bytes\n", total);
	return 0;
}
