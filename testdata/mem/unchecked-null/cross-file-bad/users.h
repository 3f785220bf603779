/* users.h: the user table (users.c). */
#ifndef USERS_H
#define USERS_H

struct user {
	const char *name;
	int uid;
	const char *home;
};

const struct user *user_find(const char *name);

#endif
