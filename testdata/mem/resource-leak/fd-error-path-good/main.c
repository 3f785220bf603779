/* c.resource-leak, fd-error-path, good: every exit after open goes
 * through the cleanup label that closes the image file. */
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

struct img_header {
	uint32_t magic;
	uint32_t size;
};

long image_size(const char *path)
{
	struct img_header h;
	long rc = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return -1;
	if (read(fd, &h, sizeof h) != (ssize_t)sizeof h)
		goto out;
	if (h.magic != 0x474d4931u)
		goto out;
	rc = (long)h.size;
out:
	close(fd);
	return rc;
}
