/* c.resource-leak, fd-direct, bad: the status file is read through a
 * descriptor that is never closed. */
#include <fcntl.h>
#include <unistd.h>

int read_status(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len);
	return n < 0 ? -1 : (int)n; /* BH-EXPECT: c.resource-leak */
}
