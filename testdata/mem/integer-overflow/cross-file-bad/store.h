#ifndef STORE_H
#define STORE_H
char *store_alloc(int bytes);
#endif
