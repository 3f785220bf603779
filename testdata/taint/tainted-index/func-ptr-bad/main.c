/* c.tainted-index, func-ptr, bad: an item number received with recvfrom
 * reaches a subscript through a function pointer whose only target is
 * price_of(). */
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

static int price_of(int item)
{
	static const int prices[6] = { 100, 250, 75, 30, 999, 5 };

	return prices[item]; /* BH-EXPECT: c.tainted-index */
}

int main(void)
{
	int32_t item = 0;
	struct sockaddr_storage peer;
	socklen_t plen = sizeof peer;
	int (*lookup)(int) = price_of;

	ssize_t got = recvfrom(0, &item, sizeof item, 0,
			(struct sockaddr *)&peer, &plen);
	if (got != (ssize_t)sizeof item)
		return 1;

	printf("%d\n", lookup(item));
	return 0;
}
