/* frame.c: writes a frame (magic, length, payload) into the caller's
 * buffer, which must hold FRAME_HEADER + n bytes. */
#include <string.h>
#include "frame.h"

void frame_write(unsigned char *out, const unsigned char *payload, size_t n)
{
	out[0] = 0x7e;
	out[1] = (unsigned char)n;
	memcpy(out + FRAME_HEADER, payload, n); /* BH-EXPECT: c.heap-buffer-overflow */
}
