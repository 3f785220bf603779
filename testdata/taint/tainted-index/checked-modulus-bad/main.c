/* c.tainted-index, checked-modulus, bad: a slot is reduced modulo a
 * bucket count that also comes from the request, unchecked. */
#include <stdlib.h>
#include <sys/socket.h>

static unsigned buckets[16];

int hit(int sock)
{
	unsigned req[2];
	unsigned nbuckets, slot;

	if (recv(sock, req, sizeof req, 0) != (ssize_t)sizeof req)
		return -1;
	nbuckets = req[1];
	if (nbuckets == 0)
		return -1;
	slot = req[0] % nbuckets;
	buckets[slot]++; /* BH-EXPECT: c.tainted-index */
	return 0;
}
