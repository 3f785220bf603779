/* shared.h: the input side (a.c) and the reader (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

#include <stddef.h>

#define MAX_PAYLOAD 65536

size_t read_length(int fd);

#endif
