/* main.c: c.resource-leak, fd-cross-file, bad: the descriptor from
 * lock_open() (lock.c) is not closed when another process holds the lock. */
#include <sys/file.h>
#include <unistd.h>
#include "lock.h"

int daemon_running(void)
{
	int fd = lock_open();

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0)
		return 1; /* BH-EXPECT: c.resource-leak */
	flock(fd, LOCK_UN);
	close(fd);
	return 0;
}
