/* c.unchecked-null, local-copy, good: the copy 'dst' is checked before the
 * memcpy. */
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

	if (dst == NULL)
		return -1;
	memcpy(dst, in->data, in->len);
	out->data = dst;
	out->len = in->len;
	return 0;
}
