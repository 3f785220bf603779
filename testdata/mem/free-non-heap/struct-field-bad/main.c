/* c.free-non-heap, struct-field, bad: the default user name stored in the
 * options is a string literal, and opts_free() frees the field. */
#include <stdlib.h>
#include <string.h>

struct opts {
	char *user;
	int port;
};

int opts_check(const char *user)
{
	struct opts o;
	int ok;

	o.user = "nobody";
	o.port = 8080;
	if (user != NULL) {
		o.user = strdup(user);
		if (o.user == NULL)
			return -1;
	}
	ok = strcmp(o.user, "root") != 0;
	free(o.user); /* BH-EXPECT: c.free-non-heap */
	return ok;
}
