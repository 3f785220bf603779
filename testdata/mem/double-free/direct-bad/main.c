/* c.double-free, direct, bad: an empty value is rejected after its copy was
 * already freed, and the rejection path frees it again. */
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
	if (w <= 0) {
		free(copy); /* BH-EXPECT: c.double-free */
		return -1;
	}
	return (int)w;
}
