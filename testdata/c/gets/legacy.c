/* Built with -std=gnu99 (see compile_commands.json): gets() is declared. */
#include <stdio.h>
#include <string.h>

struct request {
	char line[128];
};

int read_request(struct request *req)
{
	if (gets(req->line) == NULL)
		return -1;
	return (int)strlen(req->line);
}
