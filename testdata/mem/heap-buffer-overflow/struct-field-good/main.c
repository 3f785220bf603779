/* c.heap-buffer-overflow, struct-field, good: the name member is
 * allocated with room for the name, the suffix and the NUL. */
#include <stdlib.h>
#include <string.h>

struct user {
	char *name;
	int uid;
};

int user_make_guest(struct user *u)
{
	u->uid = 65534;
	u->name = malloc(sizeof("anonymous-guest"));
	if (u->name == NULL)
		return -1;
	strcpy(u->name, "anonymous");
	strcat(u->name, "-guest");
	return 0;
}
