/* main.c: c.double-free, cross-file, good: the blob is released once, with
 * blob_drop() (blob.c). */
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
	return sum;
}
