/* field.h: fixed-width field helpers of this fixture (field.c). */
#ifndef FIELD_H
#define FIELD_H
#include <stddef.h>

void field_set(char *dst, size_t dstlen, const char *src);

#endif
