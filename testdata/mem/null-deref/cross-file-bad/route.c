/* route.c: reads the backend of a route; dereferences its parameter. */
#include "route.h"

int route_backend(const struct route *r)
{
	return r->backend; /* BH-EXPECT: c.null-deref */
}
