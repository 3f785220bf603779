/* c.double-free, const-if, good: with MODE 1 the early free is on an
 * infeasible branch, so the scratch buffer is freed once. */
#include <stdlib.h>
#include <string.h>

static const int MODE = 1; /* 1: keep scratch until the end, 2: free early */

size_t compact(char *dst, const char *src, size_t n)
{
	char *scratch = malloc(n + 1);
	size_t i, k = 0;

	if (scratch == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (src[i] != ' ')
			scratch[k++] = src[i];
	memcpy(dst, scratch, k);
	if (MODE == 2)
		free(scratch);
	free(scratch);
	return k;
}
