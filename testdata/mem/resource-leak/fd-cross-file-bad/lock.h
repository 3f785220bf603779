/* lock.h: the daemon's lock file (lock.c). */
#ifndef LOCK_H
#define LOCK_H

int lock_open(void);

#endif
