/* c.buffer-underwrite, direct, bad: the body was copied to the start of
 * the frame, so the 8-byte header is written 8 bytes before the frame
 * buffer. */
#include <string.h>
#include <unistd.h>

static const unsigned char record_header[8] = { 0x17, 0x03, 0x03, 0, 0, 0, 0, 0 };

int send_record(int fd, const unsigned char *body, size_t n)
{
	unsigned char frame[264];
	unsigned char *hdr;

	if (n > 256)
		return -1;
	memcpy(frame, body, n);
	hdr = frame - 8;
	memcpy(hdr, record_header, sizeof(record_header)); /* BH-EXPECT: c.buffer-underwrite */
	return write(fd, frame, n + 8) < 0 ? -1 : 0;
}
