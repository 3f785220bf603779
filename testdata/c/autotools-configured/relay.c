#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stdio.h>
#include <sys/socket.h>

int relay_accept(int fd)
{
#ifdef HAVE_ACCEPT4
	char line[32];
	gets(line); /* not compiled: this tree was configured without accept4 */
	return accept4(fd, NULL, NULL, 0);
#else
	return accept(fd, NULL, NULL);
#endif
}

#ifdef RELAY_CONFIGURED
void relay_banner(void)
{
	char line[32];
	gets(line); /* config.h is read: -DHAVE_CONFIG_H is given */
}
#endif
