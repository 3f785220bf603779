/* buf.c: the scratch buffer, allocated at start-up. */
#include <stdlib.h>
#include "buf.h"

char *scratch;

int scratch_init(void)
{
	scratch = malloc(4096);
	return scratch != NULL ? 0 : -1;
}
