/* c.tainted-loop-bound, callee-sink, bad: a count received with recv bounds the
 * loop inside a helper. */
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

static unsigned long spin(unsigned n)
{
	unsigned long acc = 0;

	for (unsigned i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	return acc;
}

int main(void)
{
	uint32_t n = 0;

	if (recv(0, &n, sizeof n, MSG_WAITALL) != (ssize_t)sizeof n)
		return 1;
	printf("%lu\n", spin(n));
	return 0;
}
