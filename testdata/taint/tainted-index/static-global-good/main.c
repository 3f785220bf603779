/* c.tainted-index, static-global, good: the slot kept in the global is checked
 * against both ends of the array before the write. */
#include <stdio.h>

static int g_slot;
static int g_slots[8];

static int read_slot(void)
{
	return fscanf(stdin, "%d", &g_slot) == 1;
}

static void mark_slot(void)
{
	if (g_slot < 0 || g_slot >= 8)
		return;
	g_slots[g_slot] = 1;
}

int main(void)
{
	if (!read_slot())
		return 1;
	mark_slot();
	printf("%d\n", g_slots[0]);
	return 0;
}
