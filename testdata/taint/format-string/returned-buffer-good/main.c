/* c.format-string, returned-buffer, good: the line fgets() returns is
 * logged as an argument of a constant format. */
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
		syslog(LOG_INFO, "%s", line);
	}
	closelog();
	return 0;
}
