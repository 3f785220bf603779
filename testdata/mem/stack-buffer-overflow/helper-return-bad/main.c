/* c.stack-buffer-overflow, helper-return, bad: line_max() says lines are
 * up to 256 bytes, but the buffer fgets fills holds 128. */
#include <stdio.h>
#include <string.h>

static int line_max(void)
{
	return 256;
}

int count_comments(FILE *fp)
{
	char line[128];
	int n = 0;

	while (fgets(line, line_max(), fp) != NULL) /* BH-EXPECT: c.stack-buffer-overflow */
		if (line[0] == '#')
			n++;
	return n;
}
