/* c.double-free, realloc-wrapper, good: a realloc() wrapper that counts
 * the memory it hands out, and refuses past a limit before calling
 * realloc() at all, grows a buffer in a loop. Where the wrapper returns
 * NULL the old buffer is still the caller's, which frees it once and
 * returns: as after realloc() itself, nothing is released twice. */
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

static void *plain_realloc(void *ptr, size_t size)
{
	void *mem = realloc(ptr, size);
	return mem;
}

int next(void);

static int collect_plain(void)
{
	size_t max = 8, count = 0;
	unsigned char *codes = malloc(max);
	if (!codes)
		return -1;
	while (next()) {
		codes[count++] = 1;
		if (count == max) {
			unsigned char *tmp = plain_realloc(codes, max * 2);
			if (!tmp) {
				free(codes);
				return -1;
			}
			codes = tmp;
			max *= 2;
		}
	}
	int first = codes[0];
	free(codes);
	return first;
}

static int collect_counted(void)
{
	size_t max = 8, count = 0;
	unsigned char *codes = malloc(max);
	if (!codes)
		return -1;
	while (next()) {
		codes[count++] = 1;
		if (count == max) {
			unsigned char *tmp = counted_realloc(codes, max * 2);
			if (!tmp) {
				free(codes);
				return -1;
			}
			codes = tmp;
			max *= 2;
		}
	}
	int first = codes[0];
	free(codes);
	return first;
}

int next(void)
{
	return rand() % 16 != 0;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return collect_plain() + collect_counted();
}
