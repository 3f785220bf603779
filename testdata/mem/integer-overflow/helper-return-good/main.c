/* c.integer-overflow, helper-return, good: the count is checked against a
 * limit that keeps n * 8 inside int. */
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

	if (n < 0 || n > 1000000)
		return 1;
	int bytes = n * 8;
	double *v = malloc(bytes);
	if (v == NULL)
		return 1;
	free(v);
	return 0;
}
