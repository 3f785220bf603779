/* suffix.c: compares the four bytes it is given with ".tar". */
#include <string.h>
#include "suffix.h"

int is_tar_suffix(const char *ext)
{
	return memcmp(ext, ".tar", 4) == 0; /* BH-EXPECT: c.buffer-under-read */
}
