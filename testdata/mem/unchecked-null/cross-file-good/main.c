/* main.c: c.unchecked-null, cross-file, good: an unknown user (user_find()
 * in users.c returns NULL) is reported as -1. */
#include <stddef.h>
#include "users.h"

int uid_of(const char *name)
{
	const struct user *u = user_find(name);

	if (u == NULL)
		return -1;
	return u->uid;
}
