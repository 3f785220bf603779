/* main.c: c.toctou, cross-file, bad: an old spool file is found with
 * stat() and removed by name in spool_remove() (store.c). */
#include <sys/stat.h>
#include <time.h>
#include "store.h"

int expire(const char *name, time_t now)
{
	struct stat st;

	if (stat(name, &st) != 0)
		return 0;
	if (now - st.st_mtime < 86400)
		return 0;
	return spool_remove(name); /* BH-EXPECT: c.toctou */
}
