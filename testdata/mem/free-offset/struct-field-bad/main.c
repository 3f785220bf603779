/* c.free-offset, struct-field, bad: the reader's cursor field has been
 * advanced, and it is freed instead of the base field. */
#include <stdlib.h>
#include <string.h>

struct reader {
	char *base;
	char *cur;
	size_t len;
};

int reader_skip_header(struct reader *r, const char *data, size_t n)
{
	r->base = malloc(n + 1);
	if (r->base == NULL)
		return -1;
	memcpy(r->base, data, n);
	r->base[n] = '\0';
	r->cur = r->base;
	r->len = n;
	while (*r->cur != '\0' && *r->cur != '\n')
		r->cur++;
	if (*r->cur == '\0') {
		free(r->cur); /* BH-EXPECT: c.free-offset */
		return -1;
	}
	r->cur++;
	return 0;
}
