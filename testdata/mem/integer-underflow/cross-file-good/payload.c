#include <string.h>
#include "payload.h"

void copy_payload(unsigned char *dst, const unsigned char *src, uint32_t n)
{
	memcpy(dst, src, n);
}
