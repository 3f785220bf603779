/* c.unchecked-return, callee, bad: the status of setuid() is handed to
 * audit_step(), which logs the step name and ignores the status. */
#include <stdio.h>
#include <unistd.h>

static void audit_step(const char *what, int status)
{
	fprintf(stderr, "audit: %s done\n", what);
}

void drop_privileges(uid_t uid)
{
	audit_step("setuid", setuid(uid)); /* BH-EXPECT: c.unchecked-return */
}
