/* c.integer-truncation, cross-file, bad: main.c passes a long checked
 * with `n < 1` to frame_alloc() in frame.c, whose parameter is an
 * unsigned short. */
#include <stdlib.h>
#include "frame.h"

char *frame_for(const char *arg)
{
	long n = strtol(arg, NULL, 10);
	if (n < 1)
		return NULL;
	return frame_alloc(n); /* BH-EXPECT: c.integer-truncation */
}
