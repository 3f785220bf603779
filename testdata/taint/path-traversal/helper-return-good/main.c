/* c.path-traversal, helper-return, good: the received name is only printed;
 * the file created comes from a helper returning a literal. */
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

static const char *default_output(void)
{
	return "/var/tmp/report.txt";
}

int main(void)
{
	char buf[256];
	const char *name = get_input(buf, sizeof buf);

	if (name == NULL)
		return 1;
	printf("requested %s\n", name);
	int fd = creat(default_output(), 0600);
	if (fd < 0)
		return 1;
	return close(fd) != 0;
}
