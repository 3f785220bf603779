/* c.tainted-loop-bound, callee-sink, good: the helper with the loop is called
 * with a constant; the received count is only printed. */
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

static unsigned long spin(unsigned n)
{
	unsigned long acc = 0;

	for (unsigned i = 0; i < n; i++)
		acc += i;
	return acc;
}

int main(void)
{
	uint32_t n = 0;

	if (recv(0, &n, sizeof n, MSG_WAITALL) != (ssize_t)sizeof n)
		return 1;
	printf("%u requested, %lu\n", (unsigned)n, spin(1000));
	return 0;
}
