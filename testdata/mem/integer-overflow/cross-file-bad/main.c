/* c.integer-overflow, cross-file, bad: main.c computes the buffer size, and
 * store.c allocates it. */
#include <stdio.h>
#include <stdlib.h>
#include "store.h"

int main(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	int n = atoi(argv[1]);
	if (n <= 0)
		return 1;
	int bytes = n * 64; /* BH-EXPECT: c.integer-overflow */
	char *buf = store_alloc(bytes);
	if (buf == NULL)
		return 1;
	free(buf);
	return 0;
}
