/* c.double-free, realloc-wrapper, bad: the same realloc() wrapper grows a
 * buffer; where it succeeds, the old buffer is already released by
 * realloc(), and the caller frees it all the same. */
#include <stdlib.h>

static size_t limit, used;

static void *counted_realloc(void *ptr, size_t size)
{
	void *mem;
	if (limit && used + size > limit)
		return NULL;
	mem = realloc(ptr, size);
	if (mem)
		used += size;
	return mem;
}

static int grow(size_t max)
{
	unsigned char *codes = malloc(max);
	if (!codes)
		return -1;
	codes[0] = 1;
	unsigned char *tmp = counted_realloc(codes, max * 2);
	if (!tmp) {
		free(codes);
		return -1;
	}
	free(codes); /* BH-EXPECT: c.double-free */
	int first = tmp[0];
	free(tmp);
	return first;
}

int main(int argc, char **argv)
{
	(void)argv;
	return grow((size_t)argc * 8);
}
