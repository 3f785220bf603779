/* c.toctou, helper-return, good: the configuration is opened first and
 * the check is made on the stream's descriptor. */
#include <stdio.h>
#include <sys/stat.h>

static int is_plain_stream(FILE *f)
{
	struct stat st;

	return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

FILE *open_config(const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	if (!is_plain_stream(f)) {
		fclose(f);
		return NULL;
	}
	return f;
}
