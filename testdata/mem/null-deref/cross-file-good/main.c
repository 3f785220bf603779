/* main.c: c.null-deref, cross-file, good: a path without a route gets the
 * default backend; route_backend() (route.c) only sees a real route. */
#include <stddef.h>
#include <string.h>
#include "route.h"

static const struct route routes[] = { { "/api/", 1 }, { "/static/", 2 } };

int pick_backend(const char *path)
{
	const struct route *r = NULL;
	size_t i;

	for (i = 0; i < 2; i++)
		if (strncmp(path, routes[i].prefix, strlen(routes[i].prefix)) == 0) {
			r = &routes[i];
			break;
		}
	if (r == NULL)
		return 0;
	return route_backend(r);
}
