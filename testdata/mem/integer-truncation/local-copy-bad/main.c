/* c.integer-truncation, local-copy, bad: a long length is checked with
 * `n <= 0 || n > 10000000000L` and kept in an int, whose copy sizes the allocation. */
#include <stdio.h>
#include <stdlib.h>

char *read_blob(FILE *f)
{
	long n;

	if (fscanf(f, "%ld", &n) != 1 || n <= 0 || n > 10000000000L)
		return NULL;
	int len = n; /* BH-EXPECT: c.integer-truncation */
	int size = len;
	char *blob = malloc(size);
	return blob;
}
