/* c.null-deref, struct-field, good: conn_reset() reallocates the read
 * buffer, and only writes through it when that succeeded. */
#include <stddef.h>
#include <stdlib.h>

struct conn {
	int fd;
	char *rbuf;
	size_t rlen;
};

void conn_reset(struct conn *c)
{
	free(c->rbuf);
	c->rbuf = NULL;
	c->rlen = 0;
	c->rbuf = malloc(4096);
	if (c->rbuf != NULL)
		c->rbuf[0] = '\0';
}
