/* main.c: c.sizeof-pointer, cross-file, good: 'scratch' (buf.h) is an
 * array, so sizeof gives its full size. */
#include <sys/socket.h>
#include <sys/types.h>
#include "buf.h"

ssize_t read_request(int sock)
{
	return recv(sock, scratch, sizeof(scratch), 0);
}
