/* main.c: c.free-non-heap, cross-file, bad: the global default host name
 * (an array) is handed to name_free() (names.c), which frees it. */
#include <string.h>
#include "names.h"

static char default_host[64] = "localhost";

int host_matches(const char *wanted)
{
	char *h = default_host;
	int same = strcmp(h, wanted) == 0;

	name_free(h);
	return same;
}
