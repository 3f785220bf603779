/* blob.h: owned byte buffers (blob.c). */
#ifndef BLOB_H
#define BLOB_H
#include <stddef.h>

unsigned char *blob_new(size_t n);
void blob_drop(unsigned char *b);

#endif
