/* c.stack-buffer-overflow, helper-return, good: the buffer is as large as
 * the limit line_max() returns. */
#include <stdio.h>
#include <string.h>

static int line_max(void)
{
	return 256;
}

int count_comments(FILE *fp)
{
	char line[256];
	int n = 0;

	while (fgets(line, line_max(), fp) != NULL)
		if (line[0] == '#')
			n++;
	return n;
}
