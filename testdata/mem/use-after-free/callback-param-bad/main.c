/* c.use-after-free, callback-param, bad: the release callback chosen by
 * the caller frees the record, and the caller reads it afterwards. */
#include <stdlib.h>

struct record {
	int id;
	char *name;
};

static void record_free(struct record *r)
{
	free(r->name);
	free(r);
}

static void finish(struct record *r, void (*done)(struct record *))
{
	done(r);
}

int close_record(struct record *r)
{
	finish(r, record_free);
	return r->id; /* BH-EXPECT: c.use-after-free */
}
