/* c.use-after-free, helper-return, good: the length of the make_buf()
 * buffer is taken before it is freed. */
#include <stdlib.h>
#include <string.h>

static char *make_buf(size_t n)
{
	char *b = malloc(n);

	if (b != NULL)
		b[0] = '\0';
	return b;
}

size_t render_header(const char *name)
{
	char *b = make_buf(128);
	size_t n;

	if (!b)
		return 0;
	strncat(b, name, 127);
	n = strlen(b);
	free(b);
	return n;
}
