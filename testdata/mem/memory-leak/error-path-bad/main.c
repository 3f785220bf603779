/* c.memory-leak, error-path, bad: when the body cannot be allocated, the
 * early return forgets the header buffer. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int send_frame(int fd, const void *payload, size_t len)
{
	unsigned char *hdr = malloc(4);
	unsigned char *body;
	int rc = -1;

	if (hdr == NULL)
		return -1;
	body = malloc(len);
	if (body == NULL)
		return -1; /* BH-EXPECT: c.memory-leak */
	hdr[0] = (unsigned char)(len >> 24);
	hdr[1] = (unsigned char)(len >> 16);
	hdr[2] = (unsigned char)(len >> 8);
	hdr[3] = (unsigned char)len;
	memcpy(body, payload, len);
	if (write(fd, hdr, 4) == 4 && write(fd, body, len) == (ssize_t)len)
		rc = 0;
	free(body);
	free(hdr);
	return rc;
}
