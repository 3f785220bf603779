/* hdr.h: header helpers of this fixture (implemented in hdr.c). */
#ifndef HDR_H
#define HDR_H
#include <stddef.h>

size_t header_value_len(const char *h);

#endif
