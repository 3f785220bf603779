/* main.c: c.resource-leak, cross-file, good: the DIR* from spool_open()
 * (spool.c) is closed on both exits of the scan. */
#include <dirent.h>
#include <stddef.h>
#include "spool.h"

int spool_has_mail(void)
{
	DIR *d = spool_open();
	struct dirent *e;
	int found = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			found = 1;
			break;
		}
	closedir(d);
	return found;
}
