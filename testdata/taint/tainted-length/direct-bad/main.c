/* c.tainted-length, direct, bad: a length from the environment bounds a
 * memcpy into a stack buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char buf[64];

	const char *s = getenv("COPY_LEN");

	if (argc < 2 || s == NULL)
		return 2;
	size_t n = strtoul(s, NULL, 10);

	memset(buf, 0, sizeof buf);
	memcpy(buf, argv[1], n); /* BH-EXPECT: c.tainted-length */
	puts(buf);
	return 0;
}
