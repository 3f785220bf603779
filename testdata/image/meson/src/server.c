#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static void handle(int fd)
{
	char req[256], name[16];
	ssize_t n = recv(fd, req, sizeof(req) - 1, 0);
	if (n <= 0)
		return;
	req[n] = '\0';
	strcpy(name, req);
	printf("%s\n", name);
}

int main(void)
{
	handle(0);
	return 0;
}
