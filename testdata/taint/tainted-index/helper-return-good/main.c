/* c.tainted-index, helper-return, good: the number returned by the helper is
 * checked against both ends of the table first. */
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
	if (band < 0 || band >= 5)
		return 2;
	printf("%.2f\n", rates[band]);
	return 0;
}
