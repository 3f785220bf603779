/* spool.h: the mail spool directory (spool.c). */
#ifndef SPOOL_H
#define SPOOL_H
#include <dirent.h>

DIR *spool_open(void);

#endif
