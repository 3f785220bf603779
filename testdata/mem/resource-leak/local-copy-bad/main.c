/* c.resource-leak, local-copy, bad: the pid file is written through the
 * alias 'out' and neither name closes it. */
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
	return fflush(out) == 0 ? 0 : -1; /* BH-EXPECT: c.resource-leak */
}
