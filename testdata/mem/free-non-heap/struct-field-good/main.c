/* c.free-non-heap, struct-field, good: the default user name is duplicated
 * as well, so the field always owns heap memory. */
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

	o.user = strdup(user != NULL ? user : "nobody");
	o.port = 8080;
	if (o.user == NULL)
		return -1;
	ok = strcmp(o.user, "root") != 0;
	free(o.user);
	return ok;
}
