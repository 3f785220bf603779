/* store.h: the spool helpers of this fixture (implemented in store.c). */
#ifndef STORE_H
#define STORE_H

int spool_remove(const char *name);

#endif
