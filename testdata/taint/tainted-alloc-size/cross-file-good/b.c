/* b.c: allocates the payload whose length a.c read (c.tainted-alloc-size,
 * cross-file, good: the length is
 * bounded above first). */
#include <stdlib.h>
#include "shared.h"

int main(void)
{
	size_t len = read_length(0);
	if (len == 0 || len > MAX_PAYLOAD)
		return 1;
	unsigned char *payload = malloc(len);
	if (payload == NULL)
		return 1;
	free(payload);
	return 0;
}
