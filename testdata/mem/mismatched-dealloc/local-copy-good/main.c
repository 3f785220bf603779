/* c.mismatched-dealloc, local-copy, good: the mapping is released with
 * munmap. */
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

long count_newlines(int fd)
{
	struct stat st;
	void *map;
	char *data;
	long i, n = 0;

	if (fstat(fd, &st) != 0 || st.st_size == 0)
		return -1;
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return -1;
	data = map;
	for (i = 0; i < (long)st.st_size; i++)
		if (data[i] == '\n')
			n++;
	munmap(data, (size_t)st.st_size);
	return n;
}
