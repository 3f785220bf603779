/* c.toctou, callee, bad: the caller checks the name, and write_pid()
 * opens it. */
#include <stdio.h>
#include <unistd.h>

static int write_pid(const char *pidfile)
{
	FILE *f = fopen(pidfile, "w");

	if (f == NULL)
		return -1;
	fprintf(f, "%ld\n", (long)getpid());
	fclose(f);
	return 0;
}

int create_pidfile(const char *pidfile)
{
	if (access(pidfile, F_OK) == 0)
		return -1; /* already running */
	return write_pid(pidfile); /* BH-EXPECT: c.toctou */
}
