/* c.unchecked-null, struct-field, good: a failed strdup leaves the client
 * without a name and is reported. */
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
	if (c->name == NULL) {
		c->name_len = 0;
		return -1;
	}
	c->name_len = strlen(c->name);
	return 0;
}
