/* main.c: c.unchecked-return, cross-file, good: the caller tests what
 * priv_drop() (priv.c) returns. */
#include <stdio.h>
#include "priv.h"

int serve(uid_t uid, gid_t gid)
{
	if (priv_drop(uid, gid) != 0)
		return -1;
	puts("serving");
	return 0;
}
