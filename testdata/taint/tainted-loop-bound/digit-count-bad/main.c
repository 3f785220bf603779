/* c.tainted-loop-bound, digit-count, bad: a number read from input is
 * divided only on some passes (when its low digit is zero), or by a base
 * read from input (1 divides nothing): the input still decides how many
 * times each loop runs. */
#include <stdio.h>
#include <stdlib.h>

static int trailing_steps(unsigned long n)
{
	int steps = 0;

	while (n >= 10) { /* BH-EXPECT: c.tainted-loop-bound */
		if (n % 10 == 0)
			n /= 10;
		else
			n--;
		steps++;
	}
	return steps;
}

static int digits_in_base(unsigned long n, unsigned long base)
{
	int d = 1;

	while (n >= base) { /* BH-EXPECT: c.tainted-loop-bound */
		n /= base;
		d++;
	}
	return d;
}

/* Inside a loop over several numbers, counting down by one. */
static int steps_all(const unsigned long *v, size_t count)
{
	int w = 0;

	for (size_t i = 0; i < count && i < 4; i++) {
		unsigned long n = v[i];

		while (n >= 10) { /* BH-EXPECT: c.tainted-loop-bound */
			n--;
			w++;
		}
	}
	return w;
}

int main(void)
{
	char line[64];

	if (!fgets(line, sizeof line, stdin))
		return 1;
	char *end;
	unsigned long n = strtoul(line, &end, 10);
	unsigned long base = strtoul(end, NULL, 10);
	unsigned long v[2] = { n, base };
	printf("%d %d %d\n", trailing_steps(n), digits_in_base(n, base), steps_all(v, 2));
	return 0;
}
