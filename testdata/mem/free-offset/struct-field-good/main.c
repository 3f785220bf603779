/* c.free-offset, struct-field, good: on failure the block is freed through
 * the base field, and both fields are cleared. */
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
		free(r->base);
		r->base = r->cur = NULL;
		return -1;
	}
	r->cur++;
	return 0;
}
