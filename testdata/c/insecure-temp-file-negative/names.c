/* A project function called mktemp: not the C library's. */
#include <stdio.h>

static int counter;

static const char *mktemp(const char *prefix)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%s-%d", prefix, counter++);
	return buf;
}

const char *next_job_name(void)
{
	return mktemp("job");
}
