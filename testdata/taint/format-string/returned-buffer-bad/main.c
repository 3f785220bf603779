/* c.format-string, returned-buffer, bad: the line fgets() returns is the
 * buffer it filled from standard input, and it is logged as a format. */
#include <stdio.h>
#include <string.h>
#include <syslog.h>

int main(void)
{
	char buf[256];
	char *line;

	openlog("relay", LOG_PID, LOG_DAEMON);
	while ((line = fgets(buf, sizeof buf, stdin)) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		syslog(LOG_INFO, line); /* BH-EXPECT: c.format-string */
	}
	closelog();
	return 0;
}
