/* c.mismatched-dealloc, helper-return, bad: map_file() returns an mmap'ed
 * view of the file, and the caller releases it with free. */
#include <stddef.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

static void *map_file(int fd, size_t *len)
{
	struct stat st;
	void *p;

	if (fstat(fd, &st) != 0 || st.st_size == 0)
		return NULL;
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	*len = (size_t)st.st_size;
	return p;
}

int is_elf(int fd)
{
	size_t len = 0;
	unsigned char *img = map_file(fd, &len);
	int elf;

	if (img == NULL)
		return -1;
	elf = len >= 4 && img[0] == 0x7f && img[1] == 'E' && img[2] == 'L' && img[3] == 'F';
	free(img); /* BH-EXPECT: c.mismatched-dealloc */
	return elf;
}
