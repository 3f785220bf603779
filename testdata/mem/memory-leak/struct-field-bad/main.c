/* c.memory-leak, struct-field, bad: when the read buffer cannot be
 * allocated the half-built connection is dropped without being freed. */
#include <stdlib.h>

struct conn {
	int fd;
	char *rbuf;
	size_t rcap;
};

struct conn *conn_new(int fd)
{
	struct conn *c = calloc(1, sizeof *c);

	if (c == NULL)
		return NULL;
	c->fd = fd;
	c->rcap = 4096;
	c->rbuf = malloc(c->rcap);
	if (c->rbuf == NULL)
		return NULL; /* BH-EXPECT: c.memory-leak */
	return c;
}
