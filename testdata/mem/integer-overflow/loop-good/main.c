/* c.integer-overflow, loop, good: each block's element count is read and
 * checked against 1000000; n * 64 in unsigned int fits. */
#include <stdio.h>
#include <stdlib.h>

int read_blocks(FILE *f, int nblocks)
{
	for (int i = 0; i < nblocks; i++) {
		unsigned int n;
		if (fscanf(f, "%u", &n) != 1 || n > 1000000u)
			return -1;
		unsigned int bytes = n * 64;
		char *blk = malloc(bytes);
		if (blk == NULL)
			return -1;
		blk[0] = 0;
		free(blk);
	}
	return 0;
}
