/* c.resource-leak, const-if, good: FROM_JOURNAL is 0, so the stream comes
 * from fopen and is closed with fclose; the popen branch is infeasible. */
#include <stdio.h>

static const int FROM_JOURNAL = 0;

int recent_log_lines(void)
{
	FILE *f;
	int c, lines = 0;

	if (FROM_JOURNAL)
		f = popen("journalctl -q -n 100", "r");
	else
		f = fopen("/var/log/syslog", "r");
	if (f == NULL)
		return -1;
	while ((c = fgetc(f)) != EOF)
		if (c == '\n')
			lines++;
	if (!FROM_JOURNAL)
		fclose(f);
	return lines;
}
