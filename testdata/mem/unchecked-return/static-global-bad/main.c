/* c.unchecked-return, static-global, bad: the status of mlockall() goes to
 * a static variable that no function ever reads. */
#include <sys/mman.h>

static int lock_status;

int keystore_init(void)
{
	lock_status = mlockall(MCL_CURRENT | MCL_FUTURE); /* BH-EXPECT: c.unchecked-return */
	return 0;
}
