/* c.memory-leak, constant call, bad: use_cache() always returns 1 but
 * the release sits under !use_cache(), which never holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int use_cache(void)
{
	return 1;
}

int show(const char *name)
{
	char *copy = NULL;

	if (use_cache()) {
		copy = strdup(name);
		if (copy == NULL)
			return -1;
	}
	if (!use_cache()) {
		puts(copy);
		free(copy);
	}
	return 0; /* BH-EXPECT: c.memory-leak */
}
