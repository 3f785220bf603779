/* c.tainted-loop-bound, sized-alloc, bad: a page count read from a file's
 * header bounds a loop. The buffer comes from an allocator that keeps the
 * requested size in front of the block (sqlite's sqlite3MemMalloc), and the
 * read may be skipped, so where the paths meet the block holds both the
 * size and the bytes read: the finding names read(), not the size. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *sized_alloc(int n)
{
	long *p = malloc((size_t)n + sizeof(long));

	if (p) {
		p[0] = n;
		p++;
	}
	return p;
}

static unsigned char *read_at(int fd, long off, int n, int raw)
{
	unsigned char *a = sized_alloc(n);

	if (!a)
		exit(1);
	if (raw) {
		lseek(fd, off, SEEK_SET);
		if (read(fd, a, (size_t)n) != n)
			exit(1);
	}
	return a;
}

int main(int argc, char **argv)
{
	(void)argv;
	unsigned char *hdr = read_at(0, 0, 100, argc > 1);
	unsigned npages = (unsigned)hdr[28] << 8 | hdr[29];
	unsigned long sum = 0;

	for (unsigned i = 0; i < npages; i++) /* BH-EXPECT: c.tainted-loop-bound */
		sum += i;
	printf("%lu\n", sum);
	return 0;
}
