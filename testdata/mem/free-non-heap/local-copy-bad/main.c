/* c.free-non-heap, local-copy, bad: 'line' points to a stack array, and
 * the function frees it as if it were heap memory. */
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
	free(line); /* BH-EXPECT: c.free-non-heap */
	return n;
}
