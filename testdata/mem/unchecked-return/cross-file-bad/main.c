/* main.c: c.unchecked-return, cross-file, bad: priv_drop() (priv.c)
 * returns the setuid() status, and the caller ignores it. */
#include <stdio.h>
#include "priv.h"

void serve(uid_t uid, gid_t gid)
{
	priv_drop(uid, gid); /* BH-EXPECT: c.unchecked-return */
	puts("serving");
}
