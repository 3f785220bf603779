/* c.unchecked-null, equal-pointer, bad: the branch where strrchr()'s
 * result differs from the string includes the case where it found no
 * slash at all, and NULL is written through. */
#include <stdlib.h>
#include <string.h>

static char *copy_path(const char *p)
{
	size_t n = strlen(p);
	char *d = malloc(n + 1);
	if (!d)
		abort();
	memcpy(d, p, n + 1);
	return d;
}

char *parent_dir(const char *path)
{
	char *dir = copy_path(path);
	char *slash = strrchr(dir, '/');
	if (slash != dir)
		*slash = '\0'; /* BH-EXPECT: c.unchecked-null */
	else
		slash[1] = '\0';
	return dir;
}
