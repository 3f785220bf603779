/* c.tainted-index, const-if, good: the branch that reads a digit with
 * getchar is never taken, so the subscript is 0. */
#include <stdio.h>

int main(void)
{
	static const int weights[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
	int d = 0;

	if (0)
		d = getchar() - '0';
	printf("%d\n", weights[d]);
	return 0;
}
