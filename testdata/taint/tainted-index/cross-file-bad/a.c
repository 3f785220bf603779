/* a.c: receives a 32-bit index from a socket with recv(2). */
#include <stdint.h>
#include <sys/socket.h>
#include "shared.h"

int read_index(int fd)
{
	int32_t v = 0;

	if (recv(fd, &v, sizeof v, MSG_WAITALL) != (ssize_t)sizeof v)
		return 0;
	return v;
}
