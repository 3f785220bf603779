#include <stdlib.h>
#include <string.h>
#include "store.h"

char *store_alloc(int bytes)
{
	char *p = malloc(bytes);
	if (p != NULL)
		memset(p, 0, bytes);
	return p;
}
