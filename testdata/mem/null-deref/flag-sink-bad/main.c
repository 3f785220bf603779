/* c.null-deref, flagged sink, bad: log_len() measures the message when
 * verbose is set; log_default() sets it and passes no message. */
#include <stdio.h>
#include <string.h>

static int verbose;

static void log_len(const char *msg)
{
	if (verbose)
		printf("%zu\n", strlen(msg)); /* BH-EXPECT: c.null-deref */
}

void log_default(void)
{
	const char *msg = NULL;

	verbose = 1;
	log_len(msg);
}
