/* c.path-traversal, helper-return, bad: a helper returns a file name received
 * from a socket, and the file is created. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char *get_input(char *buf, size_t size)
{
	memset(buf, 0, size);
	if (recv(0, buf, size - 1, 0) <= 0)
		return NULL;
	return buf;
}

int main(void)
{
	char buf[256];
	const char *name = get_input(buf, sizeof buf);

	if (name == NULL)
		return 1;
	int fd = creat(name, 0600); /* BH-EXPECT: c.path-traversal */
	if (fd < 0)
		return 1;
	return close(fd) != 0;
}
