/* c.sizeof-pointer, helper-return, bad: the buffer from make_buffer() is
 * a pointer; snprintf() gets the pointer's size as the buffer length. */
#include <stdio.h>
#include <stdlib.h>

static char *make_buffer(size_t n)
{
	return calloc(1, n);
}

char *describe_peer(const char *host, int port)
{
	char *buf = make_buffer(256);

	if (buf == NULL)
		return NULL;
	snprintf(buf, sizeof(buf), "%s:%d", host, port); /* BH-EXPECT: c.sizeof-pointer */
	return buf;
}
