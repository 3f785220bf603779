/* c.integer-underflow, callee, bad: the caller checks the frame length
 * with `len < 2` and computes the payload length past a 6-byte header in
 * uint32_t; copy_payload() copies that many bytes. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

static void copy_payload(unsigned char *dst, const unsigned char *src, uint32_t n)
{
	memcpy(dst, src, n);
}

int handle_frame(const unsigned char *frame, unsigned char *out)
{
	uint32_t len_be;

	memcpy(&len_be, frame, 4);
	uint32_t len = ntohl(len_be);
	if (len < 2)
		return -1;
	uint32_t n = len - 6; /* BH-EXPECT: c.integer-underflow */
	copy_payload(out, frame + 6, n);
	return 0;
}
