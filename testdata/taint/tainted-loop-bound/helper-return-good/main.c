/* c.tainted-loop-bound, helper-return, good: the count returned by the helper is
 * clamped to 50 before the loop. */
#include <stdio.h>

static unsigned get_rounds(void)
{
	int hi = getchar();
	int lo = getchar();

	if (hi == EOF || lo == EOF)
		return 0;
	return (unsigned)(hi << 8 | lo);
}

int main(void)
{
	unsigned n = get_rounds();
	unsigned long acc = 0;

	n = n < 50 ? n : 50;
	for (unsigned i = 0; i < n; i++)
		acc += i;
	printf("%lu\n", acc);
	return 0;
}
