/* c.memory-leak, struct-field, good: the connection is freed when its read
 * buffer cannot be allocated, and returned otherwise. */
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
	if (c->rbuf == NULL) {
		free(c);
		return NULL;
	}
	return c;
}
