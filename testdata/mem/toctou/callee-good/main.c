/* c.toctou, callee, good: write_pid() creates the file exclusively, and
 * nobody checks the name before. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int write_pid(const char *pidfile)
{
	char buf[32];
	int n, fd = open(pidfile, O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (n < 0 || write(fd, buf, (size_t)n) != n) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int create_pidfile(const char *pidfile)
{
	return write_pid(pidfile);
}
