/* c.tainted-loop-bound, constant-cap, bad: the number of entries to
 * process comes from a line read with fgets(3); the loop stops at a
 * constant cap only in verbose mode, so otherwise the count is its only
 * bound. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	unsigned long n = strtoul(line, NULL, 10);
	int verbose = argc > 1 && argv[1][0] == 'v';
	unsigned long done = 0;
	for (unsigned long i = 0; i < n; i++) { /* BH-EXPECT: c.tainted-loop-bound */
		if (verbose) {
			if (i >= 4096)
				break;
			printf("entry %lu\n", i);
		}
		done++;
	}
	return (int)(done & 1);
}
