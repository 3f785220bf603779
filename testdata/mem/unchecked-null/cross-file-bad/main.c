/* main.c: c.unchecked-null, cross-file, bad: user_find() (users.c) returns
 * NULL for an unknown user; home_of() checks that, uid_of() does not. A
 * program function's NULL is reported where its other callers check it. */
#include <stddef.h>
#include "users.h"

const char *home_of(const char *name)
{
	const struct user *u = user_find(name);

	if (u == NULL)
		return "/nonexistent";
	return u->home;
}

int uid_of(const char *name)
{
	const struct user *u = user_find(name);

	return u->uid; /* BH-EXPECT: c.unchecked-null */
}
