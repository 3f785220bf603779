/* c.unchecked-return, const-if, bad: STRICT_PRIVS is 0, so the only test
 * of the setuid() result never runs. */
#include <stdlib.h>
#include <unistd.h>

static const int STRICT_PRIVS = 0;

void drop_root(uid_t uid)
{
	int rc = setuid(uid); /* BH-EXPECT: c.unchecked-return */

	if (STRICT_PRIVS && rc != 0)
		abort();
}
