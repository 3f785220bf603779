/* c.double-free, const-if, bad: with MODE 2 the scratch buffer is freed in
 * the mode branch and again at the end. */
#include <stdlib.h>
#include <string.h>

static const int MODE = 2; /* 1: keep scratch until the end, 2: free early */

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
	free(scratch); /* BH-EXPECT: c.double-free */
	return k;
}
