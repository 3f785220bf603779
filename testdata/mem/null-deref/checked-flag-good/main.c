/* c.null-deref, checked flag, good: the entry found by the loop may be
 * NULL, but the flag that holds the check (as Criterion's
 * cr_assert_not_null keeps `!!(p != NULL)`) stops the function first. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	const char *name;
	int value;
};

int value_of(const struct entry *table, size_t n, const char *name)
{
	const struct entry *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0)
			found = &table[i];
	bool present = !!(found != NULL);
	if (!present)
		abort();
	return found->value;
}
