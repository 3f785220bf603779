/* blob.c: allocation and release of zeroed byte buffers. */
#include <stdlib.h>
#include "blob.h"

unsigned char *blob_new(size_t n)
{
	return calloc(1, n);
}

void blob_drop(unsigned char *b)
{
	free(b);
}
