/* c.toctou, local-copy, bad: the existence check goes through a copy of
 * the name, the creation through the original. */
#include <fcntl.h>
#include <unistd.h>

int create_lock(const char *lock_path)
{
	const char *name = lock_path;

	if (access(name, F_OK) == 0)
		return -1; /* somebody holds the lock */
	return open(lock_path, O_WRONLY | O_CREAT, 0600); /* BH-EXPECT: c.toctou */
}
