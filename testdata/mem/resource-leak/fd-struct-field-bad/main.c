/* c.resource-leak, fd-struct-field, bad: when the connection cannot be
 * allocated the accepted socket is dropped without being closed. */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
	int fd;
	unsigned long requests;
};

struct conn *conn_accept(int listen_fd)
{
	int fd = accept(listen_fd, NULL, NULL);
	struct conn *c;

	if (fd < 0)
		return NULL;
	c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL; /* BH-EXPECT: c.resource-leak */
	c->fd = fd;
	return c;
}
