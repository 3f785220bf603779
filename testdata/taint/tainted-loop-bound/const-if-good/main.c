/* c.tainted-loop-bound, const-if, good: GLOBAL_CONST is 5, so the branch that
 * reads the round count with fgetc is never taken and the loop runs 3 times. */
#include <stdio.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	int rounds = 3;

	if (GLOBAL_CONST != 5) {
		int c = fgetc(stdin);
		if (c == EOF)
			return 1;
		rounds = c * 1000;
	}
	for (int i = 0; i < rounds; i++)
		putchar('.');
	putchar('\n');
	return 0;
}
