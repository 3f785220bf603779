/* c.use-after-free, released source, bad: make_greeting() releases the
 * buffer it built and returns it all the same; greet() prints it. */
#include <stdio.h>
#include <stdlib.h>

static char *make_greeting(const char *name)
{
	char *buf = malloc(64);

	if (buf == NULL)
		exit(1);
	snprintf(buf, 64, "hello %s", name);
	free(buf);
	return buf;
}

void greet(const char *name)
{
	char *greeting = make_greeting(name);

	puts(greeting); /* BH-EXPECT: c.use-after-free */
}
