/* c.resource-leak, fd-loop, good: each candidate device is closed in the
 * iteration that opened it. */
#include <fcntl.h>
#include <unistd.h>

static const char *const devices[] = {
	"/dev/watchdog0", "/dev/watchdog1", "/dev/watchdog",
};

int last_watchdog(void)
{
	int fd;
	int found = -1;
	unsigned i;

	for (i = 0; i < sizeof devices / sizeof devices[0]; i++) {
		fd = open(devices[i], O_WRONLY);
		if (fd != -1) {
			found = (int)i;
			close(fd);
		}
	}
	return found;
}
