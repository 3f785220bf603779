/* c.mismatched-dealloc, callee, good: pipe_close() releases with pclose,
 * and is handed the popen stream. */
#include <stdio.h>

static int pipe_close(FILE *f)
{
	return pclose(f);
}

int mail_report(const char *body)
{
	FILE *p = popen("/usr/sbin/sendmail -t", "w");

	if (p == NULL)
		return -1;
	fputs("To: ops@example.org\nSubject: report\n\n", p);
	fputs(body, p);
	return pipe_close(p);
}
