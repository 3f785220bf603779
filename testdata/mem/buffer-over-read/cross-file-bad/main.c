/* main.c: c.buffer-over-read, cross-file, bad: the reply buffer shrank to
 * 32 bytes but send_reply() (net.c) is still told REPLY_SIZE (64). */
#include <string.h>
#include "net.h"

int reply_ok(int fd)
{
	char reply[32];

	memset(reply, ' ', sizeof(reply));
	memcpy(reply, "200 OK\r\n", 8);
	return send_reply(fd, reply, REPLY_SIZE);
}
