/* priv.c: drops the group, then returns what setuid() returned. */
#include <unistd.h>
#include "priv.h"

int priv_drop(uid_t uid, gid_t gid)
{
	if (setgid(gid) != 0)
		return -1;
	return setuid(uid);
}
