/* c.unchecked-null, struct-field, bad: the strdup result stored in the
 * client's name field is measured without a check. */
#include <stdlib.h>
#include <string.h>

struct client {
	int fd;
	char *name;
	size_t name_len;
};

int client_set_name(struct client *c, const char *name)
{
	free(c->name);
	c->name = strdup(name);
	c->name_len = strlen(c->name); /* BH-EXPECT: c.unchecked-null */
	return 0;
}
