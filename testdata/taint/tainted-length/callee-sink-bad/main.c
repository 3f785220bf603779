/* c.tainted-length, callee-sink, bad: a length scanned with fscanf reaches
 * memcmp inside a helper. */
#include <stdio.h>
#include <string.h>

static int has_magic(const char *buf, size_t n)
{
	static const char magic[8] = "BHFMT01";

	return memcmp(buf, magic, n) == 0; /* BH-EXPECT: c.tainted-length */
}

int main(void)
{
	char header[16];
	size_t n;

	memset(header, 0, sizeof header);
	if (fscanf(stdin, "%15s %zu", header, &n) != 2)
		return 1;
	return !has_magic(header, n);
}
