/* c.command-injection, union, bad: the command read from the network is
 * stored through one member of a union and run through the other. */
#include <stdlib.h>
#include <string.h>
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
	r.text = buf;
	return system(r.command); /* BH-EXPECT: c.command-injection */
}
