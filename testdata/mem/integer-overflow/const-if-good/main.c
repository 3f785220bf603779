/* c.integer-overflow, const-if, good: the branch that would read the count
 * is never taken; the constant 4 * 16 fits. */
#include <stdio.h>
#include <stdlib.h>

#define USE_STDIN 0

int main(void)
{
	unsigned int count = 4;

	if (USE_STDIN) {
		if (scanf("%u", &count) != 1)
			return 1;
	}
	unsigned int size = count * 16;
	char *table = malloc(size);
	if (table == NULL)
		return 1;
	free(table);
	return 0;
}
