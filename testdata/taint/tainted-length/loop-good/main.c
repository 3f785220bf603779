/* c.tainted-length, loop, good: each scanned size is clamped to the
 * buffer before the fread. */
#include <stdio.h>

int main(void)
{
	char chunk[128];
	size_t n;
	size_t total = 0;

	while (scanf("%zu", &n) == 1) {
		n = n < sizeof chunk ? n : sizeof chunk;
		total += fread(chunk, 1, n, stdin);
	}
	printf("%zu bytes\n", total);
	return 0;
}
