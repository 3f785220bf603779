#ifndef FRAME_H
#define FRAME_H
char *frame_alloc(unsigned short size);
#endif
