/* c.tainted-loop-bound, const-if, bad: GLOBAL_CONST is 5, so the round count
 * comes from fgetc and bounds the loop. */
#include <stdio.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	int rounds = 3;

	if (GLOBAL_CONST == 5) {
		int c = fgetc(stdin);
		if (c == EOF)
			return 1;
		rounds = c * 1000;
	}
	for (int i = 0; i < rounds; i++) /* BH-EXPECT: c.tainted-loop-bound */
		putchar('.');
	putchar('\n');
	return 0;
}
