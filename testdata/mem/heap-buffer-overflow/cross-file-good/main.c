/* main.c: c.heap-buffer-overflow, cross-file, good: the frame buffer has
 * room for the header frame_write() (frame.c) puts before the payload. */
#include <stdlib.h>
#include <string.h>
#include "frame.h"

unsigned char *frame_ping(void)
{
	unsigned char payload[16];
	unsigned char *frame;

	memset(payload, 0xa5, sizeof(payload));
	frame = malloc(FRAME_HEADER + sizeof(payload));
	if (frame == NULL)
		return NULL;
	frame_write(frame, payload, sizeof(payload));
	return frame;
}
