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

int main(void)
{
	char line[64];

	if (!fgets(line, sizeof line, stdin))
		return 1;
	unsigned long n = strtoul(line, NULL, 10);
	printf("%d %d\n", digits(n), utf8_len(n));
	return 0;
}
