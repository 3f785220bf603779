/* c.null-deref, func-ptr, good: the 'show' handler (show_user) accepts a
 * NULL user and prints a placeholder. */
#include <stdio.h>

struct user {
	const char *name;
	int uid;
};

static void show_user(FILE *out, const struct user *u)
{
	if (u == NULL) {
		fputs("(no users)\n", out);
		return;
	}
	fprintf(out, "%s:%d\n", u->name, u->uid);
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
