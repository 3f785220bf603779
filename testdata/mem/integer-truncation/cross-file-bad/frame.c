#include <stdlib.h>
#include "frame.h"

char *frame_alloc(unsigned short size)
{
	return malloc(size);
}
