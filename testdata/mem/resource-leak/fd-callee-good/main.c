/* c.resource-leak, fd-callee, good: send_banner_and_close() writes the
 * banner and closes the client socket it was given. */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int send_banner_and_close(int fd, const char *banner)
{
	size_t len = strlen(banner);
	int rc = write(fd, banner, len) == (ssize_t)len ? 0 : -1;

	close(fd);
	return rc;
}

int greet_one(int listen_fd)
{
	int fd = accept(listen_fd, NULL, NULL);

	if (fd < 0)
		return -1;
	return send_banner_and_close(fd, "220 ready\r\n");
}
