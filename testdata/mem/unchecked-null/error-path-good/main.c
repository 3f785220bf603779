/* c.unchecked-null, error-path, good: each allocation is checked and every
 * failure goes through the cleanup label. */
#include <stdlib.h>
#include <string.h>

struct table {
	char **keys;
	char **vals;
	size_t cap;
};

int table_init(struct table *t, size_t cap)
{
	t->vals = NULL;
	t->keys = calloc(cap, sizeof *t->keys);
	if (t->keys == NULL)
		goto fail;
	t->vals = malloc(cap * sizeof *t->vals);
	if (t->vals == NULL)
		goto fail;
	memset(t->vals, 0, cap * sizeof *t->vals);
	t->cap = cap;
	return 0;
fail:
	free(t->keys);
	t->keys = NULL;
	return -1;
}
