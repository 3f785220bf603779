/* c.stack-address-escape, local-copy, good: the returned pointer points
 * into the caller's string, not into a local array. */
#include <stddef.h>

const char *basename_of(const char *path)
{
	const char *p = path, *last = path;
	size_t i;

	for (i = 0; path[i] != '\0'; i++)
		if (path[i] == '/')
			last = path + i + 1;
	p = last;
	return p;
}
