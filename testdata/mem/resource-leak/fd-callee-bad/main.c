/* c.resource-leak, fd-callee, bad: send_banner() only writes to the
 * client socket; the accepted connection is never closed. */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int send_banner(int fd, const char *banner)
{
	size_t len = strlen(banner);

	return write(fd, banner, len) == (ssize_t)len ? 0 : -1;
}

int greet_one(int listen_fd)
{
	int fd = accept(listen_fd, NULL, NULL);

	if (fd < 0)
		return -1;
	return send_banner(fd, "220 ready\r\n"); /* BH-EXPECT: c.resource-leak */
}
