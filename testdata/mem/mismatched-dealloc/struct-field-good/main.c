/* c.mismatched-dealloc, struct-field, good: the DIR* field is released with
 * closedir. */
#include <dirent.h>
#include <stdlib.h>

struct logdir {
	DIR *dir;
	char *path;
	int files;
};

int logdir_scan(struct logdir *ld)
{
	struct dirent *e;

	ld->dir = opendir(ld->path);
	if (ld->dir == NULL)
		return -1;
	ld->files = 0;
	while ((e = readdir(ld->dir)) != NULL)
		if (e->d_name[0] != '.')
			ld->files++;
	closedir(ld->dir);
	ld->dir = NULL;
	return ld->files;
}
