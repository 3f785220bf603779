/* main.c: c.buffer-overflow, cross-file, good: str_lcpy() (strutil.c)
 * is given the size of the user member. */
#include "strutil.h"

#define LOGIN_NAME_MAX 32

struct session {
	int uid;
	char user[16];
};

void session_login(struct session *s, const char *name, int uid)
{
	s->uid = uid;
	str_lcpy(s->user, name, sizeof(s->user));
}
