#ifndef QUOTESVC_HTTP_H
#define QUOTESVC_HTTP_H

#include <stddef.h>

struct request {
	char method[8];
	char path[64];
	char user[32];
	char *body;
	size_t body_len;
};

int http_parse_request(struct request *req, const char *raw, size_t len);
void http_free_request(struct request *req);
const char *http_header(const char *raw, const char *name);

#endif
