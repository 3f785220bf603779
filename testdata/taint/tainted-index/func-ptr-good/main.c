/* c.tainted-index, func-ptr, good: the received item number is checked
 * against both ends of the table before the call through the pointer. */
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

static int price_of(int item)
{
	static const int prices[6] = { 100, 250, 75, 30, 999, 5 };

	return prices[item];
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
	if (item < 0 || item >= 6)
		return 1;
	printf("%d\n", lookup(item));
	return 0;
}
