/* lock.c: opens the lock file; the caller owns the descriptor. */
#include <fcntl.h>
#include "lock.h"

int lock_open(void)
{
	return open("/run/appd.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}
