/* net.h: socket helpers of this fixture (net.c). */
#ifndef NET_H
#define NET_H
#include <stddef.h>

#define REPLY_SIZE 64

int send_reply(int fd, const char *buf, size_t n);

#endif
