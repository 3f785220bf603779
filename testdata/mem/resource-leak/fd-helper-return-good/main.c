/* c.resource-leak, fd-helper-return, good: the descriptor open_journal()
 * returns is closed once the record is written. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int open_journal(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);

	if (fd < 0) {
		perror(path);
		return -1;
	}
	return fd;
}

int journal_append(const char *path, const char *rec, size_t len)
{
	int fd = open_journal(path);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, rec, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}
