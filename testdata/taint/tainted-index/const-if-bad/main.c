/* c.tainted-index, const-if, bad: the branch that reads a digit with
 * getchar is always taken, and the digit indexes a table. */
#include <stdio.h>

int main(void)
{
	static const int weights[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
	int d = 0;

	if (1)
		d = getchar() - '0';
	printf("%d\n", weights[d]); /* BH-EXPECT: c.tainted-index */
	return 0;
}
