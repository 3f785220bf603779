/* c.integer-overflow, struct-field, bad: the item count read from the
 * socket is limited to 2^28 and goes into the request, but count * 24 in
 * the 32-bit size field wraps, so the table is too small for the items. */
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

	if (read(fd, &count, sizeof count) != sizeof count || count > 0x10000000)
		return -1;
	req.count = count;
	req.size = req.count * 24; /* BH-EXPECT: c.integer-overflow */
	char *items = malloc(req.size);
	if (items == NULL)
		return -1;
	free(items);
	return 0;
}
