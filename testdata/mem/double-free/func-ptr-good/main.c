/* c.double-free, func-ptr, good: the record is released once, through the
 * table's release handler (record_free). */
#include <stdlib.h>
#include <string.h>

struct record {
	char *key;
	int value;
};

static void record_free(void *p)
{
	struct record *r = p;

	free(r->key);
	free(r);
}

static const struct {
	void (*release)(void *);
} record_ops = { record_free };

int record_probe(const char *key)
{
	struct record *r = malloc(sizeof *r);

	if (r == NULL)
		return -1;
	r->key = strdup(key);
	r->value = 0;
	record_ops.release(r);
	return 0;
}
