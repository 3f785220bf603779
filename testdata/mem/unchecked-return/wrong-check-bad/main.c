/* c.unchecked-return, wrong-check, bad: mmap() reports failure with
 * MAP_FAILED, never NULL, so the test cannot see it. */
#include <stddef.h>
#include <sys/mman.h>

const unsigned char *map_file(int fd, size_t len)
{
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);

	if (p == NULL) /* BH-EXPECT: c.unchecked-return */
		return NULL;
	return p;
}
