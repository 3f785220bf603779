/* c.unchecked-null, callee, good: the calloc result is checked before
 * ring_init() writes through it. */
#include <stdlib.h>

struct ring {
	size_t head, tail, cap;
	unsigned char data[4096];
};

static void ring_init(struct ring *r)
{
	r->head = 0;
	r->tail = 0;
	r->cap = sizeof r->data;
}

struct ring *ring_new(void)
{
	struct ring *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	ring_init(r);
	return r;
}
