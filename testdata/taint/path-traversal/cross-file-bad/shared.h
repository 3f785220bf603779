/* shared.h: the input side (a.c) and the file server (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

#include <stddef.h>

char *read_name(char *buf, size_t size);
const char *index_name(void);

#endif
