/* c.double-free, direct, good: the copy is freed exactly once, right after
 * it is parsed. */
#include <stdlib.h>
#include <string.h>

int option_width(const char *value)
{
	char *copy = strdup(value);
	long w;

	if (copy == NULL)
		return -1;
	w = strtol(copy, NULL, 10);
	free(copy);
	if (w <= 0)
		return -1;
	return (int)w;
}
