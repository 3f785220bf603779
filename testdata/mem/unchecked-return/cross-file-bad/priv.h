/* priv.h: privilege helpers of this fixture (implemented in priv.c). */
#ifndef PRIV_H
#define PRIV_H
#include <sys/types.h>

int priv_drop(uid_t uid, gid_t gid);

#endif
