/* c.stack-buffer-overflow, constant argument, bad: count_slot() only
 * rejects negative slots, and count_last() hands it SLOT_COUNT, one past
 * the last slot, through a forwarding helper with no buffer of its own. */
#include <stdio.h>

#define SLOT_COUNT 8

static void count_slot(int slot)
{
	int counts[SLOT_COUNT] = { 0 };

	if (slot >= 0) {
		counts[slot] = 1; /* BH-EXPECT: c.stack-buffer-overflow */
		printf("%d\n", counts[0]);
	}
}

static void count_forward(int slot)
{
	count_slot(slot);
}

void count_last(void)
{
	int slot;

	slot = -1;
	slot = SLOT_COUNT;
	count_forward(slot);
}
