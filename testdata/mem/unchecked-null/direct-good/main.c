/* c.unchecked-null, direct, good: a failed strdup is reported to the
 * caller before the copy is touched. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *canonical_header(const char *name)
{
	char *h = strdup(name);
	size_t i;

	if (!h)
		return NULL;
	h[0] = (char)toupper((unsigned char)h[0]);
	for (i = 1; h[i] != '\0'; i++)
		if (h[i - 1] == '-')
			h[i] = (char)toupper((unsigned char)h[i]);
	return h;
}
