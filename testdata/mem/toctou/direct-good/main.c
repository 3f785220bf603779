/* c.toctou, direct, good: the file is opened without following links and
 * what was opened is checked through the descriptor. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int append_report(const char *path, const char *line, size_t len)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	if (write(fd, line, len) < 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}
