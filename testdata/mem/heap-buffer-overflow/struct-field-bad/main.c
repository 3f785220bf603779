/* c.heap-buffer-overflow, struct-field, bad: the name member holds a
 * strdup() of "anonymous", exactly ten bytes, and the guest suffix is
 * appended to it in place. */
#include <stdlib.h>
#include <string.h>

struct user {
	char *name;
	int uid;
};

int user_make_guest(struct user *u)
{
	u->uid = 65534;
	u->name = strdup("anonymous");
	if (u->name == NULL)
		return -1;
	strcat(u->name, "-guest"); /* BH-EXPECT: c.heap-buffer-overflow */
	return 0;
}
