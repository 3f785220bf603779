/* c.use-after-free, callback-param, good: the same helper, but the
 * callback the caller chooses only clears the record's name. */
#include <stdlib.h>

struct record {
	int id;
	char *name;
};

static void record_clear(struct record *r)
{
	free(r->name);
	r->name = NULL;
}

static void finish(struct record *r, void (*done)(struct record *))
{
	done(r);
}

int close_record(struct record *r)
{
	finish(r, record_clear);
	return r->id;
}
