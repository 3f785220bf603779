/* c.tainted-loop-bound, helper-return, bad: a helper returns a count built from
 * two getchar bytes, and it bounds a loop. */
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

	for (unsigned i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	printf("%lu\n", acc);
	return 0;
}
