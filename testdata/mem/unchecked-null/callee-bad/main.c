/* c.unchecked-null, callee, bad: the calloc result goes unchecked to
 * ring_init(), which writes through its parameter. */
#include <stdlib.h>

struct ring {
	size_t head, tail, cap;
	unsigned char data[4096];
};

static void ring_init(struct ring *r)
{
	r->head = 0; /* BH-EXPECT: c.unchecked-null */
	r->tail = 0;
	r->cap = sizeof r->data;
}

struct ring *ring_new(void)
{
	struct ring *r = calloc(1, sizeof *r);

	ring_init(r);
	return r;
}
