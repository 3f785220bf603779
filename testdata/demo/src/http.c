#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "util.h"

const char *http_header(const char *raw, const char *name)
{
	const char *p = strstr(raw, name);
	if (!p)
		return NULL;
	return p + strlen(name) + 2;
}

int http_parse_request(struct request *req, const char *raw, size_t len)
{
	char line[128];
	const char *eol = memchr(raw, '\n', len);
	size_t n = eol ? (size_t)(eol - raw) : len;

	/* Planted: n comes from the peer and is not checked against line[] (CWE-787). */
	memcpy(line, raw, n);
	line[n] = '\0';

	/* Planted: the method and path are copied without bounds (CWE-120). */
	char *sp = strchr(line, ' ');
	if (!sp)
		return -1;
	*sp = '\0';
	strcpy(req->method, line);
	strcpy(req->path, sp + 1);

	const char *user = http_header(raw, "X-User");
	if (user)
		sprintf(req->user, "%s", user);

	req->body = dup_range(raw, len);
	req->body_len = len;
	return 0;
}

void http_free_request(struct request *req)
{
	free(req->body);
	/* Planted: the body is freed twice when a handler already released it (CWE-415). */
	if (req->body_len > 4096)
		free(req->body);
}
