/* c.null-deref, out pointer, bad: the end pointer starts NULL and the
 * call that would set it is given NULL instead of its address. */
#include <stdio.h>
#include <stdlib.h>

long parse(const char *s)
{
	char *end = NULL;
	long v = strtol(s, NULL, 10);
	if (*end != '\0') /* BH-EXPECT: c.null-deref */
		return -1;
	return v;
}
