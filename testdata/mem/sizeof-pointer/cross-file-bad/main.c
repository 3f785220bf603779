/* main.c: c.sizeof-pointer, cross-file, bad: 'scratch' (buf.h) is a
 * pointer, so recv() is limited to the size of a pointer. */
#include <sys/socket.h>
#include <sys/types.h>
#include "buf.h"

ssize_t read_request(int sock)
{
	return recv(sock, scratch, sizeof(scratch), 0); /* BH-EXPECT: c.sizeof-pointer */
}
