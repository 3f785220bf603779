/* c.double-free, error-path, bad: a short header read closes the file and
 * jumps to the cleanup label, which closes it again. */
#include <stdio.h>

int read_magic(const char *path, unsigned char magic[4])
{
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return -1;
	if (fread(magic, 1, 4, f) != 4) {
		fclose(f);
		goto fail;
	}
	fclose(f);
	return 0;
fail:
	fclose(f); /* BH-EXPECT: c.double-free */
	return -1;
}
