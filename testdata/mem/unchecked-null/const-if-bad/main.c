/* c.unchecked-null, const-if, bad: with MODE 2 the output buffer comes from
 * malloc and is written without a check. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int MODE = 2; /* 1: static buffer, 2: heap buffer */
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
	memcpy(out, s, n); /* BH-EXPECT: c.unchecked-null */
	w = write(fd, out, n);
	if (MODE != 1)
		free(out);
	return w == (ssize_t)n ? 0 : -1;
}
