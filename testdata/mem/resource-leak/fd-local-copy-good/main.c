/* c.resource-leak, fd-local-copy, good: the socket is connected and
 * closed through the copy 's' on both paths. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int probe_port(const struct sockaddr_in *addr)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int s, up;

	if (fd == -1)
		return -1;
	s = fd;
	up = connect(s, (const struct sockaddr *)addr, sizeof *addr) == 0;
	close(s);
	return up;
}
