/* shared.h: the receiving side (a.c) and the lookup (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

int read_index(int fd);

#endif
