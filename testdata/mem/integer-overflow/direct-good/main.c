/* c.integer-overflow, direct, good: the bound keeps count * 4096 within
 * INT_MAX (524,287 * 4096 < 2^31). */
#include <stdio.h>
#include <stdlib.h>

int load(FILE *f)
{
	int count;

	if (fscanf(f, "%d", &count) != 1 || count < 0 || count > 500000)
		return -1;
	int bytes = count * 4096;
	char *records = malloc(bytes);
	if (records == NULL)
		return -1;
	records[0] = 0;
	free(records);
	return 0;
}
