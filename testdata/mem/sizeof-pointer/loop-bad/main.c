/* c.sizeof-pointer, loop, bad: the line buffer is allocated, and every
 * fgets() in the loop reads at most 7 characters. */
#include <stdio.h>
#include <stdlib.h>

long count_lines(FILE *in)
{
	char *line = malloc(1024);
	long n = 0;

	if (line == NULL)
		return -1;
	while (fgets(line, sizeof(line), in) != NULL) /* BH-EXPECT: c.sizeof-pointer */
		n++;
	free(line);
	return n;
}
