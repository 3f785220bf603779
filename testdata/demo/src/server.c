#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http.h"
#include "util.h"

int admin_authorized(const char *key);
int admin_ping(const char *host);

static void handle(int fd)
{
	char raw[2048];
	ssize_t got = recv(fd, raw, sizeof raw - 1, 0);
	if (got <= 0)
		return;
	raw[got] = '\0';

	struct request req;
	if (http_parse_request(&req, raw, (size_t)got) != 0)
		return;
	log_line(req.path);

	if (strncmp(req.path, "/ping/", 6) == 0 && admin_authorized(http_header(raw, "X-Key")))
		admin_ping(req.path + 6);

	char *body = req.body;
	http_free_request(&req);
	/* Planted: the body is used after it was freed (CWE-416). */
	if (body[0] == 'Q')
		send(fd, "quote\n", 6, 0);

	int status;
	/* Planted: status is read before it is set on the GET path (CWE-457). */
	if (strcmp(req.method, "POST") == 0)
		status = 201;
	char reply[32];
	snprintf(reply, sizeof reply, "%d\n", status);
	send(fd, reply, strlen(reply), 0);
}

int main(int argc, char **argv)
{
	size_t conf_len;
	char *conf = read_file(argc > 1 ? argv[1] : "/etc/quotesvc/app.conf", &conf_len);
	/* Planted: conf is never freed on the early return (CWE-401). */
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		return 1;
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(7070) };
	if (bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s, 16) != 0)
		return 1;
	for (;;) {
		int c = accept(s, NULL, NULL);
		if (c < 0)
			continue;
		handle(c);
		close(c);
	}
	free(conf);
	return 0;
}
