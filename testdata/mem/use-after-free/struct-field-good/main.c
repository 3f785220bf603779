/* c.use-after-free, struct-field, good: the pending flag is computed before
 * the read buffer is freed, and the field is cleared. */
#include <stddef.h>
#include <stdlib.h>

struct conn {
	int fd;
	char *rbuf;
	size_t rlen;
};

int conn_reset(struct conn *c)
{
	int pending = c->rbuf != NULL && c->rbuf[0] != '\0';

	free(c->rbuf);
	c->rbuf = NULL;
	c->rlen = 0;
	return pending;
}
