/* c.buffer-over-read, const-if, bad: STATIC_CONST_FIVE is 5, so the
 * "latest" reading is taken from readings[10], one past the last one. */
#include <stdio.h>

static const int STATIC_CONST_FIVE = 5;

int latest_reading(FILE *fp)
{
	int readings[10];
	int i, latest = 0;

	for (i = 0; i < 10; i++)
		if (fscanf(fp, "%d", &readings[i]) != 1)
			return -1;
	if (STATIC_CONST_FIVE == 5)
		latest = readings[10]; /* BH-EXPECT: c.buffer-over-read */
	else
		latest = readings[9];
	return latest;
}
