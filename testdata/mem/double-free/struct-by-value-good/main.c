/* c.double-free, struct passed by value, good: release_entry() is the
 * only one to release the name the record holds. */
#include <stdlib.h>
#include <string.h>

struct entry {
	char *name;
	int id;
};

static void release_entry(struct entry e)
{
	free(e.name);
}

void done(const char *s)
{
	struct entry e;
	char *name = strdup(s);

	if (name == NULL)
		return;
	e.name = name;
	e.id = 1;
	release_entry(e);
}
