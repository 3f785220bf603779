/* main.c: c.use-after-free, cross-file, bad: the header copy is freed and
 * then handed to header_value_len() (hdr.c), which reads it. */
#include <stdlib.h>
#include <string.h>
#include "hdr.h"

size_t content_length_size(const char *raw)
{
	char *h = strdup(raw);
	size_t n;

	if (h == NULL)
		return 0;
	free(h);
	n = header_value_len(h);
	return n;
}
