/* main.c: c.double-free, cross-file, bad: the blob is released with
 * blob_drop() (blob.c) and then freed again. */
#include <stdlib.h>
#include <string.h>
#include "blob.h"

int checksum(const unsigned char *data, size_t n)
{
	unsigned char *b = blob_new(n);
	int sum = 0;
	size_t i;

	if (b == NULL)
		return -1;
	memcpy(b, data, n);
	for (i = 0; i < n; i++)
		sum ^= b[i];
	blob_drop(b);
	free(b); /* BH-EXPECT: c.double-free */
	return sum;
}
