/* c.toctou, func-ptr, bad: the file is removed through a function pointer
 * to unlink() after a check by name. */
#include <sys/stat.h>
#include <unistd.h>

int clear_cache_file(const char *path)
{
	int (*drop)(const char *) = unlink;
	struct stat st;

	if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode))
		return -1;
	return drop(path); /* BH-EXPECT: c.toctou */
}
