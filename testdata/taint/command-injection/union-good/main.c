/* c.command-injection, union, good: the same union, but what is stored
 * through it and run is a fixed command; the input is only logged. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

union request {
	char *text;
	char *command;
};

int serve(int sock)
{
	char buf[256];
	union request r;
	ssize_t n = recv(sock, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	fputs(buf, stderr);
	r.text = "uptime";
	return system(r.command);
}
