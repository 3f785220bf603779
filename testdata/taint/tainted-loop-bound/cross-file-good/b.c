/* b.c: prints as many rows as a.c read (c.tainted-loop-bound, cross-file,
 * good: the count is bounded
 * above first). */
#include <stdio.h>
#include "shared.h"

int main(void)
{
	int n = read_count();
	if (n > MAX_ROWS)
		return 2;
	for (int i = 0; i < n; i++)
		printf("row %d\n", i);
	return 0;
}
