/* c.null-deref, flagged sink, good: log_len() measures the message when
 * verbose is set; log_default() clears it and passes no message. */
#include <stdio.h>
#include <string.h>

static int verbose;

static void log_len(const char *msg)
{
	if (verbose)
		printf("%zu\n", strlen(msg));
}

void log_default(void)
{
	const char *msg = NULL;

	verbose = 0;
	log_len(msg);
}
