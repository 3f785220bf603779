/* c.null-deref, null source, good: lookup_default() returns the built-in
 * profile, never NULL. */
#include <stddef.h>

struct profile {
	int timeout;
};

static struct profile builtin = { 30 };

static struct profile *lookup_default(void)
{
	struct profile *found = &builtin;

	return found;
}

int default_timeout(void)
{
	struct profile *p = lookup_default();

	return p->timeout;
}
