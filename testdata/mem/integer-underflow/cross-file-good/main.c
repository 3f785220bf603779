/* c.integer-underflow, cross-file, good: main.c checks the frame length
 * with `len < 6` and computes the payload length in uint32_t; payload.c
 * copies that many bytes. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include "payload.h"

int handle_frame(const unsigned char *frame, unsigned char *out)
{
	uint32_t len_be;

	memcpy(&len_be, frame, 4);
	uint32_t len = ntohl(len_be);
	if (len < 6)
		return -1;
	uint32_t n = len - 6;
	copy_payload(out, frame + 6, n);
	return 0;
}
