/* shared.h: the input side (a.c) and the runner (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

#include <stddef.h>

char *read_command(char *buf, size_t size);
const char *default_command(void);

#endif
