/* c.use-after-free, global carrier, bad: submit() leaves its copy in
 * `pending` and releases it before flush_pending() prints what `pending`
 * points to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *pending;

static void flush_pending(void)
{
	puts(pending); /* BH-EXPECT: c.use-after-free */
}

void submit(const char *msg)
{
	char *m = strdup(msg);

	if (m == NULL)
		return;
	pending = m;
	free(m);
	flush_pending();
}
