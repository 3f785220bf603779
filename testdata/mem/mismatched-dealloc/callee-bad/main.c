/* c.mismatched-dealloc, callee, bad: stream_close() releases with fclose,
 * and is handed a popen stream. */
#include <stdio.h>

static int stream_close(FILE *f)
{
	return fclose(f); /* BH-EXPECT: c.mismatched-dealloc */
}

int mail_report(const char *body)
{
	FILE *p = popen("/usr/sbin/sendmail -t", "w");

	if (p == NULL)
		return -1;
	fputs("To: ops@example.org\nSubject: report\n\n", p);
	fputs(body, p);
	return stream_close(p);
}
