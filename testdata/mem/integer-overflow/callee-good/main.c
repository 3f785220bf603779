/* c.integer-overflow, callee, good: the count is limited before the size
 * is computed for alloc_table(). */
#include <stdio.h>
#include <stdlib.h>

static char *alloc_table(unsigned int bytes)
{
	return malloc(bytes);
}

int main(void)
{
	unsigned int count;

	if (scanf("%u", &count) != 1 || count == 0 || count > 65536)
		return 1;
	unsigned int bytes = count * 32;
	char *table = alloc_table(bytes);
	if (table == NULL)
		return 1;
	free(table);
	return 0;
}
