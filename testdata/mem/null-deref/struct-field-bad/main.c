/* c.null-deref, struct-field, bad: conn_reset() clears the read buffer
 * field and then writes a terminator through it. */
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
	c->rbuf[0] = '\0'; /* BH-EXPECT: c.null-deref */
}
