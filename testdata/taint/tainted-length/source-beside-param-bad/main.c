/* c.tainted-length, source-beside-param, bad: a length read from the
 * network passes through scaled() together with the caller's own
 * parameter; the finding names the read, not the parameter. */
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
	memcpy(out, body, n); /* BH-EXPECT: c.tainted-length */
	return out[0];
}
