/* c.uninitialized-read, direct, bad: the port is only parsed when an
 * option string is given, but it is range-checked on every path. */
#include <stdlib.h>

int parse_port(const char *opt)
{
	int port;

	if (opt != NULL && opt[0] != '\0')
		port = atoi(opt);
	if (port <= 0 || port > 65535) /* BH-EXPECT: c.uninitialized-read */
		return -1;
	return port;
}
