/* a.c: reads a record header from standard input with fread. */
#include <stdio.h>
#include "shared.h"

int read_header(struct header *h)
{
	return fread(h, sizeof *h, 1, stdin) == 1;
}
