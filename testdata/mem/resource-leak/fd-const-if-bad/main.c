/* c.resource-leak, fd-const-if, bad: KEEP_FOR_RELOAD is 1, so the
 * descriptor is only closed on the infeasible branch and the function
 * leaks it. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const int KEEP_FOR_RELOAD = 1;

long config_size(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0)
		st.st_size = 0;
	if (!KEEP_FOR_RELOAD)
		close(fd);
	return (long)st.st_size; /* BH-EXPECT: c.resource-leak */
}
