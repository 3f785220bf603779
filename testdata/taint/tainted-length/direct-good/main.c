/* c.tainted-length, direct, good: the length from the command line is
 * checked against the buffer and the source before the memcpy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char buf[64];

	if (argc < 3)
		return 2;
	size_t n = strtoul(argv[2], NULL, 10);
	if (n >= sizeof buf || n > strlen(argv[1]))
		return 2;
	memset(buf, 0, sizeof buf);
	memcpy(buf, argv[1], n);
	puts(buf);
	return 0;
}
