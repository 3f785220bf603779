/* c.null-deref, null source, bad: lookup_default() finds no default
 * profile on any path and returns NULL; its caller reads the timeout from
 * it. */
#include <stddef.h>

struct profile {
	int timeout;
};

static struct profile *lookup_default(void)
{
	struct profile *found = NULL;

	return found;
}

int default_timeout(void)
{
	struct profile *p = lookup_default();

	return p->timeout; /* BH-EXPECT: c.null-deref */
}
