/* c.resource-leak, const-if, bad: FROM_JOURNAL is 1, so the stream comes
 * from popen and the only close (fclose) is on the infeasible branch. */
#include <stdio.h>

static const int FROM_JOURNAL = 1;

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
	return lines; /* BH-EXPECT: c.resource-leak */
}
