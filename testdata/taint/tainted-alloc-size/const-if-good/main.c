/* c.tainted-alloc-size, const-if, good: the branch that scans the element
 * count is never taken, so the allocation has 16 elements. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	size_t n = 16;

	if (0) {
		if (scanf("%zu", &n) != 1)
			return 1;
	}
	int *v = malloc(n * sizeof(int));
	if (v == NULL)
		return 1;
	free(v);
	return 0;
}
