/* c.use-after-free, helper-return, bad: make_buf() is an allocation
 * wrapper; its buffer is freed and then passed to strlen. */
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
	free(b);
	n = strlen(b); /* BH-EXPECT: c.use-after-free */
	return n;
}
