/* c.unchecked-null, local-copy, bad: the malloc result is copied to 'dst'
 * and filled with memcpy without a check. */
#include <stdlib.h>
#include <string.h>

struct frame {
	unsigned char *data;
	size_t len;
};

int frame_clone(struct frame *out, const struct frame *in)
{
	unsigned char *p = malloc(in->len);
	unsigned char *dst = p;

	memcpy(dst, in->data, in->len); /* BH-EXPECT: c.unchecked-null */
	out->data = dst;
	out->len = in->len;
	return 0;
}
