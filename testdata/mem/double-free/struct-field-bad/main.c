/* c.double-free, struct-field, bad: a copy-paste slip frees the read buffer
 * twice instead of the read and the write buffers. */
#include <stdlib.h>
#include <unistd.h>

struct conn {
	int fd;
	char *rbuf;
	char *wbuf;
};

void conn_close(struct conn *c)
{
	close(c->fd);
	free(c->rbuf);
	free(c->rbuf); /* BH-EXPECT: c.double-free */
	c->rbuf = NULL;
	c->wbuf = NULL;
}
