/* shared.h: the input side (a.c) and the report (b.c) of this fixture. */
#ifndef SHARED_H
#define SHARED_H

#define MAX_ROWS 100

int read_count(void);

#endif
