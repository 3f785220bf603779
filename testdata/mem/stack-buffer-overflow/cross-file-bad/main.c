/* main.c: c.stack-buffer-overflow, cross-file, bad: the 16-byte user
 * field is passed to field_set() (field.c) with a length of 32. */
#include <stdio.h>
#include "field.h"

int show_user(const char *login)
{
	char user[16];

	field_set(user, 32, login);
	return printf("user=%s\n", user);
}
