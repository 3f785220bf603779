/* c.use-after-free, struct-field, bad: the read buffer of a connection is
 * freed on reset, then its first byte is still inspected. */
#include <stddef.h>
#include <stdlib.h>

struct conn {
	int fd;
	char *rbuf;
	size_t rlen;
};

int conn_reset(struct conn *c)
{
	int pending;

	free(c->rbuf);
	c->rlen = 0;
	pending = c->rbuf[0] != '\0'; /* BH-EXPECT: c.use-after-free */
	c->rbuf = NULL;
	return pending;
}
