/* c.resource-leak, fd-struct-field, good: the accepted socket is closed
 * when the connection cannot be allocated, and kept in it otherwise. */
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
	if (c == NULL) {
		close(fd);
		return NULL;
	}
	c->fd = fd;
	return c;
}
