/* b.c: prints as many rows as a.c read (c.tainted-loop-bound, cross-file,
 * bad). */
#include <stdio.h>
#include "shared.h"

int main(void)
{
	int n = read_count();

	for (int i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		printf("row %d\n", i);
	return 0;
}
