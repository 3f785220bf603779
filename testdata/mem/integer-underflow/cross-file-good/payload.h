#ifndef PAYLOAD_H
#define PAYLOAD_H
#include <stdint.h>
void copy_payload(unsigned char *dst, const unsigned char *src, uint32_t n);
#endif
