/* main.c: c.free-non-heap, cross-file, good: name_free() (names.c) gets the
 * heap copy made by name_copy(). */
#include <string.h>
#include "names.h"

static char default_host[64] = "localhost";

int host_matches(const char *wanted)
{
	char *h = name_copy(default_host);
	int same;

	if (h == NULL)
		return -1;
	same = strcmp(h, wanted) == 0;
	name_free(h);
	return same;
}
