/* c.memory-leak, error-path, good: every failure jumps to one cleanup label
 * that frees both buffers. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int send_frame(int fd, const void *payload, size_t len)
{
	unsigned char *hdr = NULL;
	unsigned char *body = NULL;
	int rc = -1;

	hdr = malloc(4);
	if (hdr == NULL)
		goto out;
	body = malloc(len);
	if (body == NULL)
		goto out;
	hdr[0] = (unsigned char)(len >> 24);
	hdr[1] = (unsigned char)(len >> 16);
	hdr[2] = (unsigned char)(len >> 8);
	hdr[3] = (unsigned char)len;
	memcpy(body, payload, len);
	if (write(fd, hdr, 4) == 4 && write(fd, body, len) == (ssize_t)len)
		rc = 0;
out:
	free(body);
	free(hdr);
	return rc;
}
