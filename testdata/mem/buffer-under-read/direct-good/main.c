/* c.buffer-under-read, direct, good: the payload starts after the 8-byte
 * header, so the header is copied from the start of the frame. */
#include <string.h>
#include <unistd.h>

int frame_type(int fd)
{
	unsigned char frame[64];
	unsigned char hdr[8];
	unsigned char *payload = frame + 8;

	if (read(fd, frame, sizeof(frame)) < 8)
		return -1;
	memcpy(hdr, payload - 8, sizeof(hdr));
	return hdr[0];
}
