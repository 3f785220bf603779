/* c.toctou, func-ptr, good: the file is removed through a function pointer
 * to unlink() with no check by name before (unlink() never follows the
 * last link). */
#include <errno.h>
#include <unistd.h>

int clear_cache_file(const char *path)
{
	int (*drop)(const char *) = unlink;

	if (drop(path) != 0 && errno != ENOENT)
		return -1;
	return 0;
}
