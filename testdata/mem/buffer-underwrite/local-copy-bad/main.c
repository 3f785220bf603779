/* c.buffer-underwrite, local-copy, bad: an unknown option name leaves
 * the index at -1, and its copy is used to set the flag without a check. */
#include <string.h>

static const char *const option_names[8] = {
	"verbose", "quiet", "force", "dry-run", "recursive", "follow", "color", "debug",
};

int count_options(const char *name)
{
	unsigned char flags[8];
	int idx = -1;
	int i, slot, n = 0;

	memset(flags, 0, sizeof(flags));
	for (i = 0; i < 8; i++)
		if (strcmp(option_names[i], name) == 0) {
			idx = i;
			break;
		}
	slot = idx;
	flags[slot] = 1; /* BH-EXPECT: c.buffer-underwrite */
	for (i = 0; i < 8; i++)
		n += flags[i];
	return n;
}
