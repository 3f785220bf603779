/* c.path-traversal, struct-field, bad: a name read from stdin lives in a
 * struct field, reached through a pointer, and is opened. */
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
	int fd = open(p->name, p->flags); /* BH-EXPECT: c.path-traversal */
	if (fd < 0)
		return 1;
	return close(fd) != 0;
}
