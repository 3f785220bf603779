/* c.toctou, helper-return, bad: is_plain_file() checks the name and
 * returns the outcome; the caller then opens the name. */
#include <stdio.h>
#include <sys/stat.h>

static int is_plain_file(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

FILE *open_config(const char *path)
{
	if (!is_plain_file(path))
		return NULL;
	return fopen(path, "r"); /* BH-EXPECT: c.toctou */
}
