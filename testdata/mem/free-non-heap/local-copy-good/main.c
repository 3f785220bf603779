/* c.free-non-heap, local-copy, good: 'line' points to a stack array and is
 * not freed. */
#include <stdio.h>
#include <stdlib.h>

int log_status(FILE *out, int code, const char *reason)
{
	char buf[128];
	char *line = buf;
	int n;

	n = snprintf(line, sizeof buf, "%03d %s\n", code, reason);
	if (n > 0)
		fputs(line, out);
	return n;
}
