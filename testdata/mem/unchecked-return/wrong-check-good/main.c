/* c.unchecked-return, wrong-check, good: mmap()'s failure is tested
 * against MAP_FAILED. */
#include <stddef.h>
#include <sys/mman.h>

const unsigned char *map_file(int fd, size_t len)
{
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);

	if (p == MAP_FAILED)
		return NULL;
	return p;
}
