/* c.double-free, callee, bad: log_and_release() takes ownership of the
 * message and frees it; the caller frees it again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_and_release(char *msg)
{
	fputs(msg, stderr);
	free(msg);
}

int report(const char *what)
{
	char *msg = strdup(what);

	if (msg == NULL)
		return -1;
	log_and_release(msg);
	free(msg); /* BH-EXPECT: c.double-free */
	return 0;
}
