/* users.c: user_find() returns NULL for an unknown user. */
#include <stddef.h>
#include <string.h>
#include "users.h"

static const struct user users[] = {
	{ "www", 33, "/var/www" },
	{ "mail", 8, "/var/mail" },
};

const struct user *user_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof users / sizeof users[0]; i++)
		if (strcmp(users[i].name, name) == 0)
			return &users[i];
	return NULL;
}
