/* c.sizeof-pointer, static-global, bad: the line buffer is a static
 * pointer, so fgets() is limited to the size of a pointer. */
#include <stdio.h>
#include <stdlib.h>

static char *line_buf;

int read_line(FILE *in)
{
	if (line_buf == NULL) {
		line_buf = malloc(512);
		if (line_buf == NULL)
			return -1;
	}
	return fgets(line_buf, sizeof(line_buf), in) != NULL; /* BH-EXPECT: c.sizeof-pointer */
}
