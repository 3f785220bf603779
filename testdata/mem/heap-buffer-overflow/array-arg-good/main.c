/* c.heap-buffer-overflow, array argument, good: the caller keeps a
 * 32-byte block in slot 1 of the array it passes, and fill_name() copies
 * 32 bytes into that slot. */
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 32

static void fill_name(char *slots[], const char *name)
{
	char *dst = slots[1];

	memcpy(dst, name, NAME_MAX_LEN);
}

int make_names(const char name[NAME_MAX_LEN])
{
	char *slots[2];

	slots[0] = NULL;
	slots[1] = malloc(NAME_MAX_LEN);
	if (slots[1] == NULL)
		return -1;
	fill_name(slots, name);
	free(slots[1]);
	return 0;
}
