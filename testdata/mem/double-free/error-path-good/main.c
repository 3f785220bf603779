/* c.double-free, error-path, good: the file is closed once on each path;
 * the cleanup label owns the close on failure. */
#include <stdio.h>

int read_magic(const char *path, unsigned char magic[4])
{
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return -1;
	if (fread(magic, 1, 4, f) != 4)
		goto fail;
	fclose(f);
	return 0;
fail:
	fclose(f);
	return -1;
}
