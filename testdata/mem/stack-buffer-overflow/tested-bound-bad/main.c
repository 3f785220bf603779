/* c.stack-buffer-overflow, tested-bound, bad: the program's own range
 * checks let the index reach the array's size, one element too far
 * (CWE-193). */
#include <string.h>

#define SLOTS 64

static int slots[SLOTS];

void mark(int n)
{
	char seen[SLOTS];

	memset(seen, 0, sizeof(seen));
	if (n > SLOTS || n < 0)
		return;
	seen[n] = 1; /* BH-EXPECT: c.stack-buffer-overflow */
	slots[0] = seen[0];
}

void clear_upto(int n)
{
	char line[SLOTS];
	int i;

	if (n < 0 || n > SLOTS)
		return;
	for (i = 0; i <= n; i++)
		line[i] = 0; /* BH-EXPECT: c.stack-buffer-overflow */
	slots[1] = line[0];
}
