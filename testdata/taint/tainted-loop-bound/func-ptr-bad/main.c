/* c.tainted-loop-bound, func-ptr, bad: a width derived from getc reaches a
 * loop bound through a function pointer whose only target is repeat(). */
#include <stdio.h>

static void repeat(int n)
{
	for (int i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		putchar('#');
	putchar('\n');
}

int main(void)
{
	void (*draw)(int) = repeat;
	int c = getc(stdin);

	if (c == EOF)
		return 1;
	int n = c * 64;

	draw(n);
	return 0;
}
