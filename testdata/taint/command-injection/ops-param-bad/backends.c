/* c.command-injection, ops-param, bad: the shell backend's query runs
 * the request; it is called through a member of the struct passed to
 * serve() in another file. */
#include <stdio.h>
#include <stdlib.h>

#include "ops.h"

static int shell_query(const char *request)
{
	return system(request); /* BH-EXPECT: c.command-injection */
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
