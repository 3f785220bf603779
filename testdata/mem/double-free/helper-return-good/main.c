/* c.double-free, helper-return, good: the path from join_path() is freed
 * once whatever fopen() returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

int file_exists(const char *dir, const char *name)
{
	char *path = join_path(dir, name);
	FILE *f;

	if (path == NULL)
		return -1;
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return 0;
	fclose(f);
	return 1;
}
