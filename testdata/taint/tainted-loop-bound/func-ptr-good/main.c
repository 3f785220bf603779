/* c.tainted-loop-bound, func-ptr, good: the width is clamped to 80 before it
 * goes through the function pointer. */
#include <stdio.h>

static void repeat(int n)
{
	for (int i = 0; i < n; i++)
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
	n = n < 80 ? n : 80;
	draw(n);
	return 0;
}
