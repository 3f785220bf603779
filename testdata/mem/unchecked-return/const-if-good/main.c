/* c.unchecked-return, const-if, good: STRICT_PRIVS is 1, so the result of
 * setuid() is tested. */
#include <stdlib.h>
#include <unistd.h>

static const int STRICT_PRIVS = 1;

void drop_root(uid_t uid)
{
	int rc = setuid(uid);

	if (STRICT_PRIVS && rc != 0)
		abort();
}
