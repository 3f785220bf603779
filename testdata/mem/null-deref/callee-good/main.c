/* c.null-deref, callee, good: user_label() handles a NULL user, so the
 * anonymous session may pass one. */
#include <stdio.h>

struct user {
	const char *name;
	int uid;
};

static void user_label(FILE *out, const struct user *u)
{
	if (u == NULL) {
		fputs("anonymous\n", out);
		return;
	}
	fprintf(out, "%s (%d)\n", u->name, u->uid);
}

void log_session(FILE *out, int anonymous, const struct user *who)
{
	const struct user *u = who;

	if (anonymous)
		u = NULL;
	user_label(out, u);
}
