/* c.double-free, struct-field, good: each buffer of the connection is freed
 * once and the fields are cleared. */
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
	free(c->wbuf);
	c->rbuf = NULL;
	c->wbuf = NULL;
}
