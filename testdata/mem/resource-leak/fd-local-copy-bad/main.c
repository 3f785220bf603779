/* c.resource-leak, fd-local-copy, bad: the socket is connected through the
 * copy 's' and neither name closes it. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int probe_port(const struct sockaddr_in *addr)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int s;

	if (fd == -1)
		return -1;
	s = fd;
	if (connect(s, (const struct sockaddr *)addr, sizeof *addr) != 0)
		return 0; /* BH-EXPECT: c.resource-leak */
	close(s);
	return 1;
}
