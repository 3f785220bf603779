/* c.resource-leak, fd-static-global, good: the newly opened log file
 * replaces the old one, which is closed; the static keeps the new one. */
#include <fcntl.h>
#include <unistd.h>

static int log_fd = -1;

int log_reopen(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0640);

	if (fd < 0)
		return -1;
	if (log_fd >= 0)
		close(log_fd);
	log_fd = fd;
	return 0;
}
