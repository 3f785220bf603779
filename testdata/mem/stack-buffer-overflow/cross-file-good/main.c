/* main.c: c.stack-buffer-overflow, cross-file, good: field_set() (field.c)
 * is given the user field's real size. */
#include <stdio.h>
#include "field.h"

int show_user(const char *login)
{
	char user[16];

	field_set(user, sizeof(user), login);
	return printf("user=%s\n", user);
}
