/* a.c: scans a row count from standard input. */
#include <stdio.h>
#include "shared.h"

int read_count(void)
{
	int n = 0;

	if (scanf("%d", &n) != 1)
		return 0;
	return n;
}
