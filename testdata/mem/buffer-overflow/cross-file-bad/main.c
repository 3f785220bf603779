/* main.c: c.buffer-overflow, cross-file, bad: the 16-byte user member
 * reached through the session pointer is passed to str_lcpy()
 * (strutil.c) with LOGIN_NAME_MAX (32) as its size. */
#include "strutil.h"

#define LOGIN_NAME_MAX 32

struct session {
	int uid;
	char user[16];
};

void session_login(struct session *s, const char *name, int uid)
{
	s->uid = uid;
	str_lcpy(s->user, name, LOGIN_NAME_MAX);
}
