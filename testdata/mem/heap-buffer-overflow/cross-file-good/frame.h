/* frame.h: framing helpers of this fixture (frame.c). */
#ifndef FRAME_H
#define FRAME_H
#include <stddef.h>

#define FRAME_HEADER 2

/* Writes the 2-byte header and n payload bytes at out. */
void frame_write(unsigned char *out, const unsigned char *payload, size_t n);

#endif
