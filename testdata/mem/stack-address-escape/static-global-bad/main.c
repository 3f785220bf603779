/* c.stack-address-escape, static-global, bad: the last error message is a
 * local array whose address is kept in a global. */
#include <stdio.h>
#include <string.h>

static const char *last_error;

void set_error(const char *op, int err)
{
	char msg[128];

	snprintf(msg, sizeof msg, "%s: %s", op, strerror(err));
	last_error = msg; /* BH-EXPECT: c.stack-address-escape */
}

const char *get_error(void)
{
	return last_error != NULL ? last_error : "no error";
}
