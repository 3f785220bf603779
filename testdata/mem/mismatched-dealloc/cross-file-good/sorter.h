/* sorter.h: an external sort process (sorter.c). */
#ifndef SORTER_H
#define SORTER_H
#include <stdio.h>

FILE *sorter_start(void);

#endif
