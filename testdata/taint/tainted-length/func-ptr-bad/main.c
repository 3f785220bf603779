/* c.tainted-length, func-ptr, bad: a length received with recvmsg reaches
 * memcpy through a function pointer whose only target is copy_field(). */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

static void copy_field(char *dst, const char *src, size_t n)
{
	memcpy(dst, src, n); /* BH-EXPECT: c.tainted-length */
}

int main(void)
{
	static const char filler[1024];
	uint32_t len = 0;
	struct iovec iov = { &len, sizeof len };
	struct msghdr msg;
	char field[32];
	void (*copy)(char *, const char *, size_t) = copy_field;

	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (recvmsg(0, &msg, 0) != (ssize_t)sizeof len)
		return 1;
	size_t n = len;
	copy(field, filler, n);
	return field[0];
}
