/* c.sizeof-pointer, loop, good: the line buffer is an array, and fgets()
 * gets its size. */
#include <stdio.h>

long count_lines(FILE *in)
{
	char line[1024];
	long n = 0;

	while (fgets(line, sizeof(line), in) != NULL)
		n++;
	return n;
}
