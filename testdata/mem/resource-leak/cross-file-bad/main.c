/* main.c: c.resource-leak, cross-file, bad: the DIR* from spool_open()
 * (spool.c) is not closed when a pending message is found. */
#include <dirent.h>
#include <stddef.h>
#include "spool.h"

int spool_has_mail(void)
{
	DIR *d = spool_open();
	struct dirent *e;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			return 1; /* BH-EXPECT: c.resource-leak */
	closedir(d);
	return 0;
}
