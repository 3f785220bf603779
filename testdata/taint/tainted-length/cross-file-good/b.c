/* b.c: copies the name of the header a.c read (c.tainted-length,
 * cross-file, good: the length is checked
 * against the destination first). */
#include <stdio.h>
#include <string.h>
#include "shared.h"

int main(void)
{
	struct header h;
	char name[32];

	if (!read_header(&h))
		return 1;
	if (h.name_len >= sizeof name)
		return 1;
	memset(name, 0, sizeof name);
	memcpy(name, h.name, h.name_len);
	puts(name);
	return 0;
}
