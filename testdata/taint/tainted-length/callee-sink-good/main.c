/* c.tainted-length, callee-sink, good: the helper that compares is called
 * with a constant length; the scanned length is only printed. */
#include <stdio.h>
#include <string.h>

static int has_magic(const char *buf, size_t n)
{
	static const char magic[8] = "BHFMT01";

	return memcmp(buf, magic, n) == 0;
}

int main(void)
{
	char header[16];
	size_t n;

	memset(header, 0, sizeof header);
	if (fscanf(stdin, "%15s %zu", header, &n) != 2)
		return 1;
	printf("length %zu ignored\n", n);
	return !has_magic(header, 7);
}
