/* c.mismatched-dealloc, helper-return, good: the map_file() view is
 * released with munmap. */
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
	munmap(img, len);
	return elf;
}
