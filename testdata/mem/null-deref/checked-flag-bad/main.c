/* c.null-deref, checked flag, bad: the flag says the entry was found, but
 * the entry is dropped after the check, so the flag no longer speaks for
 * it. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	const char *name;
	int value;
};

int value_of(const struct entry *table, size_t n, const char *name, int stale)
{
	const struct entry *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0)
			found = &table[i];
	bool present = !!(found != NULL);
	if (stale)
		found = NULL;
	if (!present)
		abort();
	return found->value; /* BH-EXPECT: c.null-deref */
}
