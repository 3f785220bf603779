/* c.toctou, struct-field, good: the upload is opened once; the check and
 * the mode change both go through the descriptor. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

struct upload {
	const char *path;
	mode_t mode;
};

int publish_upload(const struct upload *u)
{
	struct stat st;
	int rc = -1;
	int fd = open(u->path, O_RDONLY | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		rc = fchmod(fd, u->mode);
	close(fd);
	return rc;
}
