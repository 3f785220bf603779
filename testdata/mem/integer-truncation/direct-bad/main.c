/* c.integer-truncation, direct, bad: the size from the command line is a
 * long checked with `n < 0`, stored in an unsigned short and allocated. */
#include <stdlib.h>
#include <string.h>

char *make_buffer(const char *arg)
{
	long n = strtol(arg, NULL, 10);
	if (n < 0)
		return NULL;
	unsigned short size = n; /* BH-EXPECT: c.integer-truncation */
	char *buf = malloc(size);
	if (buf != NULL)
		memset(buf, 0, size);
	return buf;
}
