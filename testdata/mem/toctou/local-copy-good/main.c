/* c.toctou, local-copy, good: O_EXCL makes the creation itself the check. */
#include <fcntl.h>
#include <unistd.h>

int create_lock(const char *lock_path)
{
	const char *name = lock_path;

	return open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
}
