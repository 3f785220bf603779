/* main.c: c.buffer-under-read, cross-file, bad: the default output name
 * "-" is shorter than the suffix, so the pointer handed to
 * is_tar_suffix() (suffix.c) is 3 bytes before the name buffer. */
#include <string.h>
#include "suffix.h"

int default_output_is_tar(void)
{
	char name[16];
	size_t len;

	strcpy(name, "-");
	len = strlen(name);
	return is_tar_suffix(name + len - 4);
}
