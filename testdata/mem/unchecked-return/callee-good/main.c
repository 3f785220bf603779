/* c.unchecked-return, callee, good: audit_step() stops the process when
 * the status it gets says the step failed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void audit_step(const char *what, int status)
{
	if (status != 0) {
		fprintf(stderr, "audit: %s failed\n", what);
		exit(1);
	}
	fprintf(stderr, "audit: %s done\n", what);
}

void drop_privileges(uid_t uid)
{
	audit_step("setuid", setuid(uid));
}
