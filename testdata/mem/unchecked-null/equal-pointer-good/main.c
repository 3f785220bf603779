/* c.unchecked-null, equal-pointer, good: strrchr() may return NULL, but
 * on the branch where its result equals the string it searched (which
 * is certainly not NULL here) it is not NULL either. */
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
	if (slash == dir)
		slash[1] = '\0'; /* "/etc" -> "/" */
	else if (slash)
		*slash = '\0';
	return dir;
}
