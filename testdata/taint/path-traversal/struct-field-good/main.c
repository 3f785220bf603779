/* c.path-traversal, struct-field, good: the name read from stdin is never
 * opened; the path opened is the other, constant field. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

struct request {
	int flags;
	const char *path;
	char name[128];
};

int main(void)
{
	struct request req;
	struct request *p = &req;

	memset(&req, 0, sizeof req);
	req.flags = O_RDONLY;
	req.path = "/srv/data/index";
	if (read(0, req.name, sizeof req.name - 1) <= 0)
		return 1;
	int fd = open(p->path, p->flags);
	if (fd < 0)
		return 1;
	return close(fd) != 0;
}
