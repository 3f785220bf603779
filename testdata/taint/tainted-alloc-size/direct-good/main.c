/* c.tainted-alloc-size, direct, good: the size from the command line is
 * bounded above before malloc. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	size_t n = strtoul(argv[1], NULL, 10);
	if (n == 0 || n > 65536)
		return 2;
	char *buf = malloc(n);
	if (buf == NULL)
		return 1;
	printf("allocated %zu bytes\n", n);
	free(buf);
	return 0;
}
