/* c.double-free, local-copy, good: the block is freed once, through its
 * alias. */
#include <stdlib.h>
#include <string.h>

int rebuild_table(const int *src, size_t n)
{
	int *tbl = calloc(n, sizeof *tbl);
	int *old;
	int first;

	if (tbl == NULL || n == 0) {
		free(tbl);
		return -1;
	}
	memcpy(tbl, src, n * sizeof *tbl);
	old = tbl;
	first = old[0];
	free(old);
	return first;
}
