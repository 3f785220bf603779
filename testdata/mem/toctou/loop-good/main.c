/* c.toctou, loop, good: each candidate is simply opened; a failure moves
 * on to the next one. */
#include <stdio.h>

FILE *open_first_config(const char *const *paths, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		FILE *f = fopen(paths[i], "r");

		if (f != NULL)
			return f;
	}
	return NULL;
}
