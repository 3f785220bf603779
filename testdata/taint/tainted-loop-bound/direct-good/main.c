/* c.tainted-loop-bound, direct, good: the count from the command line is
 * bounded above before the loop. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	long sum = 0;

	if (argc < 2)
		return 2;
	int n = atoi(argv[1]);
	if (n > 1000)
		return 2;
	for (int i = 0; i < n; i++)
		sum += i;
	printf("%ld\n", sum);
	return 0;
}
