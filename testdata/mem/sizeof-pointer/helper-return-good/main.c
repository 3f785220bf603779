/* c.sizeof-pointer, helper-return, good: the length given to snprintf()
 * is the one the buffer was made with. */
#include <stdio.h>
#include <stdlib.h>

#define PEER_LEN 256

static char *make_buffer(size_t n)
{
	return calloc(1, n);
}

char *describe_peer(const char *host, int port)
{
	char *buf = make_buffer(PEER_LEN);

	if (buf == NULL)
		return NULL;
	snprintf(buf, PEER_LEN, "%s:%d", host, port);
	return buf;
}
