/* c.unchecked-return, static-global, good: the status of mlockall() is kept
 * in a static variable that keystore_is_locked() reads. */
#include <sys/mman.h>

static int lock_status;

int keystore_init(void)
{
	lock_status = mlockall(MCL_CURRENT | MCL_FUTURE);
	return 0;
}

int keystore_is_locked(void)
{
	return lock_status == 0;
}
