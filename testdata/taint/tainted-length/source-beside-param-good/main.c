/* c.tainted-length, source-beside-param, good: a length read from the
 * network passes through scaled() together with the caller's own
 * parameter, then is checked against the buffer: no finding. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

static size_t scaled(const size_t *unit, size_t n)
{
	return n * *unit;
}

int handle(const size_t *unit, int fd, const char *body)
{
	uint32_t len = 0;
	char out[64];
	if (recv(fd, &len, sizeof len, 0) != (ssize_t)sizeof len)
		return -1;
	size_t n = scaled(unit, len);
	if (n > sizeof out)
		return -1;
	memcpy(out, body, n);
	return out[0];
}
