/* main.c: c.memory-leak, cross-file, bad: the copy from xstrdup() (util.c)
 * is trimmed and measured, then leaked. */
#include <string.h>
#include "util.h"

size_t trimmed_len(const char *s)
{
	char *t = xstrdup(s);
	size_t n = strlen(t);

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		t[--n] = '\0';
	return n; /* BH-EXPECT: c.memory-leak */
}
