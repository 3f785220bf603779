/* c.integer-overflow, cross-file, good: main.c computes the buffer size, and
 * store.c allocates it. */
#include <stdio.h>
#include <stdlib.h>
#include "store.h"

int main(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	int n = atoi(argv[1]);
	if (n <= 0 || n > 100000)
		return 1;
	int bytes = n * 64;
	char *buf = store_alloc(bytes);
	if (buf == NULL)
		return 1;
	free(buf);
	return 0;
}
