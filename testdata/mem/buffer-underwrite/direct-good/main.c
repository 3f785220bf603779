/* c.buffer-underwrite, direct, good: the body goes after the 8-byte
 * header, which is written at the start of the frame buffer. */
#include <string.h>
#include <unistd.h>

static const unsigned char record_header[8] = { 0x17, 0x03, 0x03, 0, 0, 0, 0, 0 };

int send_record(int fd, const unsigned char *body, size_t n)
{
	unsigned char frame[264];
	unsigned char *hdr;

	if (n > 256)
		return -1;
	memcpy(frame + 8, body, n);
	hdr = frame;
	memcpy(hdr, record_header, sizeof(record_header));
	return write(fd, frame, n + 8) < 0 ? -1 : 0;
}
