/* c.resource-leak, fd-direct, good: the status file's descriptor is
 * closed once it is read. */
#include <fcntl.h>
#include <unistd.h>

int read_status(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len);
	close(fd);
	return n < 0 ? -1 : (int)n;
}
