/* main.c: c.heap-buffer-overflow, cross-file, bad: the frame buffer is
 * allocated for the 16-byte payload only, and frame_write() (frame.c)
 * puts a 2-byte header in front of it. */
#include <stdlib.h>
#include <string.h>
#include "frame.h"

unsigned char *frame_ping(void)
{
	unsigned char payload[16];
	unsigned char *frame;

	memset(payload, 0xa5, sizeof(payload));
	frame = malloc(sizeof(payload));
	if (frame == NULL)
		return NULL;
	frame_write(frame, payload, sizeof(payload));
	return frame;
}
