/* util.c: xstrdup() exits on allocation failure, so it never returns NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL) {
		fputs("out of memory\n", stderr);
		exit(1);
	}
	return p;
}
