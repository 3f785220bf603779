/* c.double-free, callee, good: log_and_release() takes ownership of the
 * message; the caller does not free it again. */
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
	return 0;
}
