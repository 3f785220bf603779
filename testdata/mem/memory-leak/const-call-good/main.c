/* c.memory-leak, constant call, good: use_cache() always returns 1, so
 * the copy made under its first test is released under its second. */
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
	if (use_cache()) {
		puts(copy);
		free(copy);
	}
	return 0;
}
