/* b.c: allocates the payload whose length a.c read (c.tainted-alloc-size,
 * cross-file, bad). */
#include <stdlib.h>
#include "shared.h"

int main(void)
{
	size_t len = read_length(0);

	unsigned char *payload = malloc(len); /* BH-EXPECT: c.tainted-alloc-size */
	if (payload == NULL)
		return 1;
	free(payload);
	return 0;
}
