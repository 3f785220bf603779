/* shared.h: the record header that a.c reads and b.c copies from. */
#ifndef SHARED_H
#define SHARED_H

#include <stdint.h>

struct header {
	uint32_t name_len;
	char name[60];
};

int read_header(struct header *h);

#endif
