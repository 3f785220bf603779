/* c.stack-address-escape, local-copy, bad: 'p' points into a local array,
 * and is returned. */
#include <stddef.h>

const char *basename_of(const char *path)
{
	char buf[256];
	char *p, *last = buf;
	size_t i;

	for (i = 0; path[i] != '\0' && i < sizeof buf - 1; i++) {
		buf[i] = path[i];
		if (path[i] == '/')
			last = buf + i + 1;
	}
	buf[i] = '\0';
	p = last;
	return p; /* BH-EXPECT: c.stack-address-escape */
}
