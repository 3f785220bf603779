/* c.resource-leak, local-copy, good: the pid file is written and closed
 * through the alias 'out'. */
#include <stdio.h>
#include <unistd.h>

int write_pidfile(const char *path)
{
	FILE *f = fopen(path, "w");
	FILE *out;

	if (f == NULL)
		return -1;
	out = f;
	fprintf(out, "%ld\n", (long)getpid());
	return fclose(out) == 0 ? 0 : -1;
}
