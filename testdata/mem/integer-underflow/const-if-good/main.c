/* c.integer-underflow, const-if, good: the always-taken branch reads the
 * length, which is checked with `len < 16 || len > 4096`; the 16-byte trailer is left out
 * of the fill. */
#include <stdio.h>
#include <string.h>

#define FROM_STDIN 1

int main(void)
{
	static char buf[4096];
	int len = 64;

	if (FROM_STDIN) {
		if (scanf("%d", &len) != 1)
			return 1;
	}
	if (len < 16 || len > 4096)
		return 1;
	memset(buf, 'x', len - 16);
	return 0;
}
