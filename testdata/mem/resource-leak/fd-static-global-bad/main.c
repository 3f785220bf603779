/* c.resource-leak, fd-static-global, bad: when a log file is already open
 * the newly opened descriptor is dropped instead of replacing it. */
#include <fcntl.h>
#include <unistd.h>

static int log_fd = -1;

int log_reopen(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0640);

	if (fd < 0)
		return -1;
	if (log_fd >= 0)
		return 0; /* BH-EXPECT: c.resource-leak */
	log_fd = fd;
	return 0;
}
