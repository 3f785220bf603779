/* c.tainted-index, direct, good: the number from the command line is
 * checked against both ends of the table first. */
#include <stdio.h>
#include <stdlib.h>

static const char *const levels[] = { "debug", "info", "warning", "error" };

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int i = atoi(argv[1]);
	if (i < 0 || i >= (int)(sizeof levels / sizeof levels[0]))
		return 2;
	puts(levels[i]);
	return 0;
}
