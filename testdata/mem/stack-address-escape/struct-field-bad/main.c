/* c.stack-address-escape, struct-field, bad: the request keeps a pointer
 * to the parser's local header buffer. */
#include <stdio.h>

struct request {
	const char *host;
	int port;
};

int request_set_host(struct request *req, const char *name, int port)
{
	char host[128];

	if (snprintf(host, sizeof host, "%s:%d", name, port) >= (int)sizeof host)
		return -1;
	req->host = host; /* BH-EXPECT: c.stack-address-escape */
	req->port = port;
	return 0;
}
