/* A header included by two translation units: its finding is reported once. */
#ifndef STRUTIL_H
#define STRUTIL_H

#include <string.h>

struct name {
	char text[24];
};

static inline void name_set(struct name *n, const char *s)
{
	strcpy(n->text, s);
}

#endif
