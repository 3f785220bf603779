/* c.command-injection, ops-param, bad: a request read from a socket
 * is served by the shell backend. */
#include <string.h>
#include <sys/socket.h>

#include "ops.h"

int handle_client(int fd)
{
	char req[512];
	ssize_t n = recv(fd, req, sizeof req - 1, 0);

	if (n <= 0)
		return -1;
	req[n] = '\0';
	return serve(&shell_backend, req);
}
