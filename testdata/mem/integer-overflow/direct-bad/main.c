/* c.integer-overflow, direct, bad: the record count from the file header
 * is checked against 1,000,000, but count * 4096 still exceeds INT_MAX,
 * so the int product wraps and malloc() gets a small or negative size. */
#include <stdio.h>
#include <stdlib.h>

int load(FILE *f)
{
	int count;

	if (fscanf(f, "%d", &count) != 1 || count < 0 || count > 1000000)
		return -1;
	int bytes = count * 4096; /* BH-EXPECT: c.integer-overflow */
	char *records = malloc(bytes);
	if (records == NULL)
		return -1;
	records[0] = 0;
	free(records);
	return 0;
}
