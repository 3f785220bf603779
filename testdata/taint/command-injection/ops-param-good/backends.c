/* c.command-injection, ops-param, good: the shell backend runs what it
 * is given, but serve() only hands it a constant; the request from the
 * network goes to the backend that logs it. Another struct with a member
 * of the same name holds a function that runs its argument, and never
 * sees the request either. */
#include <stdio.h>
#include <stdlib.h>

#include "ops.h"

static int shell_query(const char *request)
{
	return system(request);
}

static int log_query(const char *request)
{
	return fprintf(stderr, "query: %s\n", request);
}

const struct backend_ops shell_backend = { "shell", shell_query };
const struct backend_ops log_backend = { .name = "log", .query = log_query };

int serve(const struct backend_ops *ops, const char *request)
{
	return ops->query(request);
}

/* A different struct whose member has the same name: its function runs
 * what it is given, but only constants reach it. */
struct admin_ops {
	int (*query)(const char *request);
};

static int admin_query(const char *request)
{
	return system(request);
}

static const struct admin_ops admin = { admin_query };

int admin_restart(void)
{
	return admin.query("/usr/sbin/service app restart");
}
