/* c.resource-leak, direct, good: the directory is closed after the scan. */
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
	closedir(d);
	return n;
}
