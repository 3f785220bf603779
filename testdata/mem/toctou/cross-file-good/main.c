/* main.c: c.toctou, cross-file, good: the age comes from the opened file's
 * descriptor; nothing is checked by name before spool_remove(). */
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "store.h"

int expire(const char *name, time_t now)
{
	struct stat st;
	int old, fd = open(name, O_RDONLY | O_NOFOLLOW);

	if (fd < 0)
		return 0;
	old = fstat(fd, &st) == 0 && now - st.st_mtime >= 86400;
	close(fd);
	if (!old)
		return 0;
	return spool_remove(name);
}
