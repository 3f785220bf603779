/* sorter.c: starts "sort -u" with popen; release with pclose. */
#include <stdio.h>
#include "sorter.h"

FILE *sorter_start(void)
{
	return popen("sort -u", "w");
}
