/* main.c: c.use-after-free, cross-file, good: header_value_len() (hdr.c)
 * reads the copy before it is freed. */
#include <stdlib.h>
#include <string.h>
#include "hdr.h"

size_t content_length_size(const char *raw)
{
	char *h = strdup(raw);
	size_t n;

	if (h == NULL)
		return 0;
	n = header_value_len(h);
	free(h);
	return n;
}
