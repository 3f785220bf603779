/* shared.h: the receiving side (a.c) and the formatter (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

#include <stddef.h>

char *receive_message(int fd, char *buf, size_t size);

#endif
