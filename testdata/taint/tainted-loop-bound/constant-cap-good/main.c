/* c.tainted-loop-bound, constant-cap, good: the number of entries to
 * process comes from a line read with fgets(3), but the loop leaves on
 * every pass once the counter reaches a constant cap: the input cannot
 * make it run longer than that. */
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
	for (unsigned long i = 0; i < n; i++) {
		if (i >= 4096)
			break;
		if (verbose)
			printf("entry %lu\n", i);
		done++;
	}
	return (int)(done & 1);
}
