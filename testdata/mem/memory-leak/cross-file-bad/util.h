/* util.h: allocation helpers (util.c). */
#ifndef UTIL_H
#define UTIL_H

char *xstrdup(const char *s);

#endif
