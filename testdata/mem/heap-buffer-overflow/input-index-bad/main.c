/* c.heap-buffer-overflow, input-index, bad: a slot number read from the
 * user is checked against 0 only, then indexes a block of ten slots. */
#include <stdio.h>
#include <stdlib.h>

int set_slot(FILE *in)
{
	char line[32] = "";
	int slot = -1;
	int *slots;

	if (fgets(line, sizeof(line), in) != NULL)
		slot = atoi(line);
	slots = calloc(10, sizeof(*slots));
	if (slots == NULL)
		return -1;
	if (slot >= 0)
		slots[slot] = 1; /* BH-EXPECT: c.heap-buffer-overflow */
	free(slots);
	return 0;
}
