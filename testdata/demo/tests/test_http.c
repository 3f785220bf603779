#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "http.h"

/* Test code: compiled in the builder stage only, never shipped. */
int main(void)
{
	struct request req;
	char raw[256];
	char scratch[16];
	/* Planted: unbounded copy, but in a test binary that does not ship. */
	strcpy(raw, "GET /quote HTTP/1.0\nX-User: alice\n");
	sprintf(scratch, "%s", req.path);
	assert(http_parse_request(&req, raw, strlen(raw)) == 0);
	assert(strcmp(req.method, "GET") == 0);
	http_free_request(&req);
	return 0;
}
