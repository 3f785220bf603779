/* c.resource-leak, fd-error-path, bad: a short header read returns early
 * and leaves the image file open. */
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
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return -1;
	if (read(fd, &h, sizeof h) != (ssize_t)sizeof h)
		return -1; /* BH-EXPECT: c.resource-leak */
	close(fd);
	if (h.magic != 0x474d4931u)
		return -1;
	return (long)h.size;
}
