/* store.c: removes a spool file by name. */
#include <stdio.h>
#include "store.h"

int spool_remove(const char *name)
{
	if (remove(name) != 0) {
		perror(name);
		return -1;
	}
	return 0;
}
