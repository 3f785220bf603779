/* c.tainted-loop-bound, digit-count, good: a number read from input is
 * written out digit by digit and its bits counted; each loop divides or
 * shifts the number down on every pass, so it runs at most 20 or 64
 * times whatever the number is (redis' ll2string(), lua's
 * luaO_utf8esc()). */
#include <stdio.h>
#include <stdlib.h>

static int digits(unsigned long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static int utf8_len(unsigned long x)
{
	int n = 1;
	unsigned int mfb = 0x3f;

	if (x < 0x80)
		return 1;
	do {
		n++;
		x >>= 6;
		mfb >>= 1;
	} while (x > mfb);
	return n;
}

/* The same inside a loop over several numbers. */
static int width(const unsigned long *v, size_t count)
{
	int w = 0;

	for (size_t i = 0; i < count && i < 4; i++) {
		unsigned long n = v[i];

		w++;
		while (n >= 10) {
			n /= 10;
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
	unsigned long n = strtoul(line, NULL, 10);
	unsigned long v[2] = { n, n / 2 };
	printf("%d %d %d\n", digits(n), utf8_len(n), width(v, 2));
	return 0;
}
