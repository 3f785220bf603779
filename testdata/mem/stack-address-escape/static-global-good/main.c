/* c.stack-address-escape, static-global, good: the message is formatted
 * into a static array, which the global may point to. */
#include <stdio.h>
#include <string.h>

static const char *last_error;
static char error_buf[128];

void set_error(const char *op, int err)
{
	snprintf(error_buf, sizeof error_buf, "%s: %s", op, strerror(err));
	last_error = error_buf;
}

const char *get_error(void)
{
	return last_error != NULL ? last_error : "no error";
}
