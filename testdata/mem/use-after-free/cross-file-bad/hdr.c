/* hdr.c: measures the value part of a "Name: value" header; dereferences
 * its parameter. */
#include <string.h>
#include "hdr.h"

size_t header_value_len(const char *h)
{
	const char *colon = strchr(h, ':'); /* BH-EXPECT: c.use-after-free */

	if (colon == NULL)
		return 0;
	colon++;
	while (*colon == ' ')
		colon++;
	return strlen(colon);
}
