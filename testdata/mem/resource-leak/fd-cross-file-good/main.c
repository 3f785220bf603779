/* main.c: c.resource-leak, fd-cross-file, good: the descriptor from
 * lock_open() (lock.c) is closed on both exits of the probe. */
#include <sys/file.h>
#include <unistd.h>
#include "lock.h"

int daemon_running(void)
{
	int fd = lock_open();
	int running;

	if (fd < 0)
		return -1;
	running = flock(fd, LOCK_EX | LOCK_NB) != 0;
	if (!running)
		flock(fd, LOCK_UN);
	close(fd);
	return running;
}
