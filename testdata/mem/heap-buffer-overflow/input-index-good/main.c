/* c.heap-buffer-overflow, input-index, good: the slot number read from
 * the user is checked on both sides before it indexes the block. */
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
	if (slot >= 0 && slot < 10)
		slots[slot] = 1;
	free(slots);
	return 0;
}
