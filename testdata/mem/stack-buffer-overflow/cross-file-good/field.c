/* field.c: copies a string into a field of dstlen bytes; trusts dstlen. */
#include <stdio.h>
#include "field.h"

void field_set(char *dst, size_t dstlen, const char *src)
{
	snprintf(dst, dstlen, "%s", src);
}
