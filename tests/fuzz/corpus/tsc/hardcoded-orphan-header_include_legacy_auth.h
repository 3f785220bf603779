/* No translation unit includes this header: only tree-sitter sees it. */
#ifndef LEGACY_AUTH_H
#define LEGACY_AUTH_H

#include <string.h>

struct legacy_conn {
	const char *password;
};

static const char *admin_password = "Zr7Kq2Lm9Vx4";

static inline int legacy_check(const char *password)
{
	return strcmp(password, "Bd5Wn8Qy2Hs6") == 0;
}

static inline void legacy_login(struct legacy_conn *c)
{
	c->password = "Mf6Tg3Xp9Rb2";
	(void)admin_password;
}

#endif
