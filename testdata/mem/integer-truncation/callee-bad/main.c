/* c.integer-truncation, callee, bad: the caller passes a long checked
 * with `n < 1` to alloc_frame(), whose parameter is an unsigned short. */
#include <stdlib.h>

static char *alloc_frame(unsigned short size)
{
	return malloc(size);
}

char *frame_for(const char *arg)
{
	long n = strtol(arg, NULL, 10);
	if (n < 1)
		return NULL;
	return alloc_frame(n); /* BH-EXPECT: c.integer-truncation */
}
