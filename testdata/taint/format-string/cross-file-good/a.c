/* a.c: receives one message with recvmsg(2). */
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include "shared.h"

char *receive_message(int fd, char *buf, size_t size)
{
	struct iovec iov = { buf, size - 1 };
	struct msghdr msg;

	memset(buf, 0, size);
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (recvmsg(fd, &msg, 0) <= 0)
		return NULL;
	return buf;
}
