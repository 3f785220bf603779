/* main.c: c.null-deref, cross-file, bad: a path without a route leaves 'r'
 * NULL, and route_backend() (route.c) dereferences it. */
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
	return route_backend(r);
}
