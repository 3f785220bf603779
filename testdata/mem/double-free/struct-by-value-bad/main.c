/* c.double-free, struct passed by value, bad: done() releases the name
 * and then hands a copy of the record to release_entry(), which releases
 * the name it holds again. */
#include <stdlib.h>
#include <string.h>

struct entry {
	char *name;
	int id;
};

static void release_entry(struct entry e)
{
	free(e.name); /* BH-EXPECT: c.double-free */
}

void done(const char *s)
{
	struct entry e;
	char *name = strdup(s);

	if (name == NULL)
		return;
	free(name);
	e.name = name;
	e.id = 1;
	release_entry(e);
}
