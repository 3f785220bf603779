/* c.buffer-over-read, const-if, good: STATIC_CONST_FIVE is 5, so the
 * read one past the last reading is on the infeasible branch. */
#include <stdio.h>

static const int STATIC_CONST_FIVE = 5;

int latest_reading(FILE *fp)
{
	int readings[10];
	int i, latest = 0;

	for (i = 0; i < 10; i++)
		if (fscanf(fp, "%d", &readings[i]) != 1)
			return -1;
	if (STATIC_CONST_FIVE != 5)
		latest = readings[10];
	else
		latest = readings[9];
	return latest;
}
