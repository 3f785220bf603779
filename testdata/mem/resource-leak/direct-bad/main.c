/* c.resource-leak, direct, bad: the spool directory is scanned and the
 * DIR* is never closed. */
#include <dirent.h>
#include <stddef.h>

int spool_count(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	return n; /* BH-EXPECT: c.resource-leak */
}
