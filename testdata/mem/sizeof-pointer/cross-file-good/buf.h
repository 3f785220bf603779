/* buf.h: the shared scratch buffer of this fixture (defined in buf.c). */
#ifndef BUF_H
#define BUF_H

extern char scratch[4096];

#endif
