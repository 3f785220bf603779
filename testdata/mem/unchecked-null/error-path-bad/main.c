/* c.unchecked-null, error-path, bad: a copy-paste slip checks 'keys' twice,
 * so a failed 'vals' allocation is written by memset. */
#include <stdlib.h>
#include <string.h>

struct table {
	char **keys;
	char **vals;
	size_t cap;
};

int table_init(struct table *t, size_t cap)
{
	t->keys = calloc(cap, sizeof *t->keys);
	if (t->keys == NULL)
		goto fail;
	t->vals = malloc(cap * sizeof *t->vals);
	if (t->keys == NULL)
		goto fail;
	memset(t->vals, 0, cap * sizeof *t->vals); /* BH-EXPECT: c.unchecked-null */
	t->cap = cap;
	return 0;
fail:
	free(t->keys);
	t->keys = NULL;
	return -1;
}
