/* c.stack-buffer-overflow, pointer argument, bad: level is passed by
 * address, set to LEVELS, and bump() reads it back through the pointer
 * as an index into its LEVELS counters. */
#include <stdio.h>

#define LEVELS 5

static void bump(const int *level)
{
	int seen[LEVELS] = { 0 };
	int at = *level;

	if (at >= 0) {
		seen[at] = 1; /* BH-EXPECT: c.stack-buffer-overflow */
		printf("%d\n", seen[0]);
	}
}

void bump_top(void)
{
	int level = LEVELS;

	bump(&level);
}
