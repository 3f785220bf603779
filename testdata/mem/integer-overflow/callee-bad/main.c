/* c.integer-overflow, callee, bad: the caller computes the table size in
 * unsigned int from a count limited to 2^28, which still wraps;
 * alloc_table() allocates what it is given. */
#include <stdio.h>
#include <stdlib.h>

static char *alloc_table(unsigned int bytes)
{
	return malloc(bytes);
}

int main(void)
{
	unsigned int count;

	if (scanf("%u", &count) != 1 || count == 0 || count > 0x10000000)
		return 1;
	unsigned int bytes = count * 32; /* BH-EXPECT: c.integer-overflow */
	char *table = alloc_table(bytes);
	if (table == NULL)
		return 1;
	free(table);
	return 0;
}
