/* c.tainted-index, checked-modulus, good: the bucket count from the
 * request is checked against the table before the slot is reduced by it. */
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
	if (nbuckets == 0 || nbuckets > 16)
		return -1;
	slot = req[0] % nbuckets;
	buckets[slot]++;
	return 0;
}
