/* strutil.h: string helpers of this fixture (strutil.c). */
#ifndef STRUTIL_H
#define STRUTIL_H
#include <stddef.h>

/* Copies src into dst of size bytes, truncating; dst is terminated. */
void str_lcpy(char *dst, const char *src, size_t size);

#endif
