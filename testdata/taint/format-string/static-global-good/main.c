/* c.format-string, static-global, good: the datagram kept in a global is an
 * argument; the format is another global set from a literal. */
#include <string.h>
#include <sys/socket.h>
#include <syslog.h>

static char g_msg[512];
static const char *g_fmt;

static int receive(int fd)
{
	struct sockaddr_storage peer;
	socklen_t len = sizeof peer;

	memset(g_msg, 0, sizeof g_msg);
	g_fmt = "received: %s";
	return recvfrom(fd, g_msg, sizeof g_msg - 1, 0, (struct sockaddr *)&peer, &len) > 0;
}

static void log_message(void)
{
	syslog(LOG_INFO, g_fmt, g_msg);
}

int main(void)
{
	if (receive(0))
		log_message();
	return 0;
}
