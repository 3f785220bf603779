/* main.c: c.buffer-over-read, cross-file, good: send_reply() (net.c) is
 * told the reply buffer's real size. */
#include <string.h>
#include "net.h"

int reply_ok(int fd)
{
	char reply[32];

	memset(reply, ' ', sizeof(reply));
	memcpy(reply, "200 OK\r\n", 8);
	return send_reply(fd, reply, sizeof(reply));
}
