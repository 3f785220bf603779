/* c.null-deref, func-ptr, bad: the 'show' handler (show_user) is called
 * through a pointer with a NULL user, and dereferences it. */
#include <stdio.h>

struct user {
	const char *name;
	int uid;
};

static void show_user(FILE *out, const struct user *u)
{
	fprintf(out, "%s:%d\n", u->name, u->uid); /* BH-EXPECT: c.null-deref */
}

void list_users(FILE *out, const struct user *users, int n)
{
	void (*show)(FILE *, const struct user *) = show_user;
	const struct user *none = NULL;
	int i;

	for (i = 0; i < n; i++)
		show(out, &users[i]);
	if (n == 0)
		show(out, none);
}
