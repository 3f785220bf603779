/* c.resource-leak, fd-loop, bad: each candidate device is opened over the
 * previous descriptor, which is never closed. */
#include <fcntl.h>
#include <unistd.h>

static const char *const devices[] = {
	"/dev/watchdog0", "/dev/watchdog1", "/dev/watchdog",
};

int last_watchdog(void)
{
	int fd = -1;
	int found = -1;
	unsigned i;

	for (i = 0; i < sizeof devices / sizeof devices[0]; i++) {
		fd = open(devices[i], O_WRONLY); /* BH-EXPECT: c.resource-leak */
		if (fd >= 0)
			found = (int)i;
	}
	if (fd >= 0)
		close(fd);
	return found;
}
