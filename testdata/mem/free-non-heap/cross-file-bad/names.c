/* names.c: name_free() releases a string made by name_copy(). */
#include <stdlib.h>
#include <string.h>
#include "names.h"

char *name_copy(const char *s)
{
	return strdup(s);
}

void name_free(char *s)
{
	free(s); /* BH-EXPECT: c.free-non-heap */
}
