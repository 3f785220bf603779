/* a.c: reads a 32-bit payload length with read(2). */
#include <stdint.h>
#include <unistd.h>
#include "shared.h"

size_t read_length(int fd)
{
	uint32_t len = 0;

	if (read(fd, &len, sizeof len) != (ssize_t)sizeof len)
		return 0;
	return len;
}
