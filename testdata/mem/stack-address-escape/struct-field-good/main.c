/* c.stack-address-escape, struct-field, good: the host is formatted into
 * an array that is part of the request itself. */
#include <stdio.h>

struct request {
	char host[128];
	int port;
};

int request_set_host(struct request *req, const char *name, int port)
{
	if (snprintf(req->host, sizeof req->host, "%s:%d", name, port) >=
	    (int)sizeof req->host)
		return -1;
	req->port = port;
	return 0;
}
