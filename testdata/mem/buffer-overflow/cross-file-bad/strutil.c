/* strutil.c: a truncating string copy that trusts the size it is given. */
#include <string.h>
#include "strutil.h"

void str_lcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n); /* BH-EXPECT: c.buffer-overflow */
	dst[n] = '\0'; /* BH-EXPECT: c.buffer-overflow */
}
