/* c.integer-overflow, struct-field, good: the count is limited to 4096
 * items before the size is computed. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

struct request {
	uint32_t count;
	uint32_t size;
};

int handle(int fd)
{
	struct request req;
	uint32_t count;

	if (read(fd, &count, sizeof count) != sizeof count)
		return -1;
	if (count > 4096)
		return -1;
	req.count = count;
	req.size = req.count * 24;
	char *items = malloc(req.size);
	if (items == NULL)
		return -1;
	free(items);
	return 0;
}
