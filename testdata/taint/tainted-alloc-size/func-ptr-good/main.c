/* c.tainted-alloc-size, func-ptr, good: the received count is clamped to 512
 * before it goes through the function pointer. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>

static void *grab(size_t n)
{
	return calloc(n, sizeof(double));
}

int main(void)
{
	uint32_t count;
	struct sockaddr_storage peer;
	socklen_t plen = sizeof peer;
	void *(*alloc_fn)(size_t) = grab;

	ssize_t got = recvfrom(0, &count, sizeof count, 0,
			(struct sockaddr *)&peer, &plen);
	if (got != (ssize_t)sizeof count)
		return 1;
	size_t n = count < 512 ? count : 512;
	double *samples = alloc_fn(n);
	if (samples == NULL)
		return 1;
	free(samples);
	return 0;
}
