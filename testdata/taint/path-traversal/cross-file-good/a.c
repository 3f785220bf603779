/* a.c: reads a file name from standard input with fread. */
#include <stdio.h>
#include <string.h>
#include "shared.h"

char *read_name(char *buf, size_t size)
{
	memset(buf, 0, size);
	if (fread(buf, 1, size - 1, stdin) == 0)
		return NULL;
	return buf;
}

const char *index_name(void)
{
	return "index.html";
}
