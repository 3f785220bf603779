/* c.double-free, released source, good: make_greeting() hands the
 * buffer it built to its caller, which prints and releases it. */
#include <stdio.h>
#include <stdlib.h>

static char *make_greeting(const char *name)
{
	char *buf = malloc(64);

	if (buf == NULL)
		exit(1);
	snprintf(buf, 64, "hello %s", name);
	return buf;
}

void greet(const char *name)
{
	char *greeting = make_greeting(name);

	puts(greeting);
	free(greeting);
}
