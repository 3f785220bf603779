/* c.null-deref, callee, bad: the anonymous session passes a NULL user to
 * user_label(), which dereferences it. */
#include <stdio.h>

struct user {
	const char *name;
	int uid;
};

static void user_label(FILE *out, const struct user *u)
{
	fprintf(out, "%s (%d)\n", u->name, u->uid); /* BH-EXPECT: c.null-deref */
}

void log_session(FILE *out, int anonymous, const struct user *who)
{
	const struct user *u = who;

	if (anonymous)
		u = NULL;
	user_label(out, u);
}
