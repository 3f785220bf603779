/* c.buffer-overflow, struct-field, bad: the ring's slots became uint16_t
 * but the reset still clears RING_CAP 32-bit words, twice the member. */
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
	memset(r->slots, 0, RING_CAP * sizeof(uint32_t)); /* BH-EXPECT: c.buffer-overflow */
}
