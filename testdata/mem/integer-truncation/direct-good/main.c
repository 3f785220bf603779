/* c.integer-truncation, direct, good: the size from the command line is a
 * long checked with `n < 0 || n > 65535`, stored in an unsigned short and allocated. */
#include <stdlib.h>
#include <string.h>

char *make_buffer(const char *arg)
{
	long n = strtol(arg, NULL, 10);
	if (n < 0 || n > 65535)
		return NULL;
	unsigned short size = n;
	char *buf = malloc(size);
	if (buf != NULL)
		memset(buf, 0, size);
	return buf;
}
