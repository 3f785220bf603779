/* c.null-deref, null source, bad: lookup_default() has no default
 * profile and always returns NULL; its caller reads the timeout from it. */
#include <stddef.h>

struct profile {
	int timeout;
};

static struct profile *lookup_default(void)
{
	return NULL;
}

int default_timeout(void)
{
	struct profile *p = lookup_default();

	return p->timeout; /* BH-EXPECT: c.null-deref */
}
