/* c.buffer-under-read, direct, bad: the payload pointer was left at the
 * start of the frame, so the 8-byte header is copied from before it. */
#include <string.h>
#include <unistd.h>

int frame_type(int fd)
{
	unsigned char frame[64];
	unsigned char hdr[8];
	unsigned char *payload = frame;

	if (read(fd, frame, sizeof(frame)) < 8)
		return -1;
	memcpy(hdr, payload - 8, sizeof(hdr)); /* BH-EXPECT: c.buffer-under-read */
	return hdr[0];
}
