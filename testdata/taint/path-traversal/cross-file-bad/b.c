/* b.c: opens a file under the served directory (c.path-traversal,
 * cross-file, bad: the name comes from a.c). */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "shared.h"

int main(void)
{
	char buf[128];
	const char *name = read_name(buf, sizeof buf);
	int dir, fd;

	if (name == NULL)
		return 1;
	dir = open("/srv/files", O_RDONLY | O_DIRECTORY);
	if (dir < 0)
		return 1;
	fd = openat(dir, name, O_RDONLY); /* BH-EXPECT: c.path-traversal */
	close(dir);
	return fd < 0 ? 1 : close(fd) != 0;
}
