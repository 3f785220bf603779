/* c.integer-overflow, helper-return, bad: read_count() returns a number
 * from the input, limited to 300,000,000; n * 8 overflows int for n
 * above 268,435,455. */
#include <stdio.h>
#include <stdlib.h>

static int read_count(FILE *f)
{
	int n;

	if (fscanf(f, "%d", &n) != 1)
		return -1;
	return n;
}

int main(void)
{
	int n = read_count(stdin);

	if (n < 0 || n > 300000000)
		return 1;
	int bytes = n * 8; /* BH-EXPECT: c.integer-overflow */
	double *v = malloc(bytes);
	if (v == NULL)
		return 1;
	free(v);
	return 0;
}
