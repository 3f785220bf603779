/* c.buffer-overflow, struct-field, good: the reset clears exactly the
 * slots member. */
#include <stdint.h>
#include <string.h>

#define RING_CAP 32

struct ring {
	unsigned head, tail;
	uint16_t slots[RING_CAP];
};

void ring_reset(struct ring *r)
{
	r->head = 0;
	r->tail = 0;
	memset(r->slots, 0, sizeof(r->slots));
}
