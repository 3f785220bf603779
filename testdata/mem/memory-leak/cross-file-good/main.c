/* main.c: c.memory-leak, cross-file, good: the copy from xstrdup()
 * (util.c) is freed before returning. */
#include <stdlib.h>
#include <string.h>
#include "util.h"

size_t trimmed_len(const char *s)
{
	char *t = xstrdup(s);
	size_t n = strlen(t);

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		t[--n] = '\0';
	free(t);
	return n;
}
