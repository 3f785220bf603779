/* c.unchecked-null, direct, bad: the header name is copied with strdup and
 * upper-cased without checking the copy. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *canonical_header(const char *name)
{
	char *h = strdup(name);
	size_t i;

	h[0] = (char)toupper((unsigned char)h[0]); /* BH-EXPECT: c.unchecked-null */
	for (i = 1; h[i] != '\0'; i++)
		if (h[i - 1] == '-')
			h[i] = (char)toupper((unsigned char)h[i]);
	return h;
}
