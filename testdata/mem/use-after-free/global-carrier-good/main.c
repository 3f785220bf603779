/* c.use-after-free, global carrier, good: submit() leaves its copy in
 * `pending`, lets flush_pending() print it, then releases it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *pending;

static void flush_pending(void)
{
	puts(pending);
}

void submit(const char *msg)
{
	char *m = strdup(msg);

	if (m == NULL)
		return;
	pending = m;
	flush_pending();
	pending = NULL;
	free(m);
}
