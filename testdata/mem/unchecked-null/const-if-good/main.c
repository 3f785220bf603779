/* c.unchecked-null, const-if, good: with MODE 1 the output buffer is the
 * static one; the malloc branch is infeasible. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int MODE = 1; /* 1: static buffer, 2: heap buffer */
static char static_out[512];

int emit(int fd, const char *s, size_t n)
{
	char *out;
	ssize_t w;

	if (n > sizeof static_out)
		return -1;
	if (MODE == 1)
		out = static_out;
	else
		out = malloc(n);
	memcpy(out, s, n);
	w = write(fd, out, n);
	if (MODE != 1)
		free(out);
	return w == (ssize_t)n ? 0 : -1;
}
