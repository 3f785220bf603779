/* c.tainted-index, static-global, bad: a slot scanned with fscanf in one
 * function is kept in a global and indexes a write in another. */
#include <stdio.h>

static int g_slot;
static int g_slots[8];

static int read_slot(void)
{
	return fscanf(stdin, "%d", &g_slot) == 1;
}

static void mark_slot(void)
{

	g_slots[g_slot] = 1; /* BH-EXPECT: c.tainted-index */
}

int main(void)
{
	if (!read_slot())
		return 1;
	mark_slot();
	printf("%d\n", g_slots[0]);
	return 0;
}
