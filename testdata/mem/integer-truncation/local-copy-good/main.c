/* c.integer-truncation, local-copy, good: a long length is checked with
 * `n <= 0 || n > 1048576` and kept in an int, whose copy sizes the allocation. */
#include <stdio.h>
#include <stdlib.h>

char *read_blob(FILE *f)
{
	long n;

	if (fscanf(f, "%ld", &n) != 1 || n <= 0 || n > 1048576)
		return NULL;
	int len = n;
	int size = len;
	char *blob = malloc(size);
	return blob;
}
