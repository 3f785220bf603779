/* c.tainted-index, helper-return, bad: a helper returns a number parsed with
 * atol from a line of stdin, and it indexes a table. */
#include <stdio.h>
#include <stdlib.h>

static long get_band(void)
{
	char line[32];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return atol(line);
}

int main(void)
{
	static const double rates[5] = { 0.0, 0.05, 0.1, 0.2, 0.25 };
	long band = get_band();

	printf("%.2f\n", rates[band]); /* BH-EXPECT: c.tainted-index */
	return 0;
}
