/* c.tainted-alloc-size, const-if, bad: the branch that scans the element count
 * is always taken; the product with sizeof(int) sizes the allocation. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	size_t n = 16;

	if (1) {
		if (scanf("%zu", &n) != 1)
			return 1;
	}
	int *v = malloc(n * sizeof(int)); /* BH-EXPECT: c.tainted-alloc-size */
	if (v == NULL)
		return 1;
	free(v);
	return 0;
}
