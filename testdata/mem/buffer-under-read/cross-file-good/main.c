/* main.c: c.buffer-under-read, cross-file, good: a name shorter than the
 * suffix is not checked with is_tar_suffix() (suffix.c). */
#include <string.h>
#include "suffix.h"

int default_output_is_tar(void)
{
	char name[16];
	size_t len;

	strcpy(name, "-");
	len = strlen(name);
	if (len < 4)
		return 0;
	return is_tar_suffix(name + len - 4);
}
