/* c.sizeof-pointer, static-global, good: the line buffer is a static
 * array, whose size is what fgets() may fill. */
#include <stdio.h>

static char line_buf[512];

int read_line(FILE *in)
{
	return fgets(line_buf, sizeof(line_buf), in) != NULL;
}
