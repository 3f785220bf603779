/* c.free-offset, callee, bad: msg_release() frees its argument, and is
 * given a pointer past the message header. */
#include <stdlib.h>
#include <string.h>

#define HDR_LEN 8

static void msg_release(unsigned char *m)
{
	free(m); /* BH-EXPECT: c.free-offset */
}

int msg_kind(const unsigned char *wire, size_t n)
{
	unsigned char *msg = malloc(n), *body;
	int kind;

	if (msg == NULL || n <= HDR_LEN) {
		free(msg);
		return -1;
	}
	memcpy(msg, wire, n);
	body = msg + HDR_LEN;
	kind = body[0];
	msg_release(body);
	return kind;
}
