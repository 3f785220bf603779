/* c.toctou, struct-field, bad: the upload's path is checked to be a
 * regular file, then its mode is changed by name. */
#include <sys/stat.h>

struct upload {
	const char *path;
	mode_t mode;
};

int publish_upload(const struct upload *u)
{
	struct stat st;

	if (stat(u->path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	return chmod(u->path, u->mode); /* BH-EXPECT: c.toctou */
}
