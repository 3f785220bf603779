/* c.integer-overflow, const-if, bad: the always-taken branch reads the
 * element count and limits it to 2^29, but count * 16 in unsigned int
 * still wraps before the allocation. */
#include <stdio.h>
#include <stdlib.h>

#define USE_STDIN 1

int main(void)
{
	unsigned int count = 4;

	if (USE_STDIN) {
		if (scanf("%u", &count) != 1 || count > 0x20000000)
			return 1;
	}
	unsigned int size = count * 16; /* BH-EXPECT: c.integer-overflow */
	char *table = malloc(size);
	if (table == NULL)
		return 1;
	free(table);
	return 0;
}
