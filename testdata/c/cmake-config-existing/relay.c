#include <stdio.h>
#include <sys/socket.h>

#include "config.h"

int relay_accept(int fd)
{
#ifdef HAVE_ACCEPT4
	char line[32];
	gets(line); /* not compiled: the context's config.h has no accept4 */
	return accept4(fd, NULL, NULL, 0);
#else
	return accept(fd, NULL, NULL);
#endif
}
