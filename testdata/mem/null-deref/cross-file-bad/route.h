/* route.h: request routing (route.c). */
#ifndef ROUTE_H
#define ROUTE_H

struct route {
	const char *prefix;
	int backend;
};

int route_backend(const struct route *r);

#endif
