/* c.memory-leak, init-list, good: the buffer allocated in the initialiser
 * of a local struct is released on every path, or the struct that holds
 * it is handed back to the caller. */
#include <stdio.h>
#include <stdlib.h>

struct reader {
	char *buf;
	size_t cap;
	FILE *fp;
};

long count_lines(FILE *fp, size_t cap)
{
	struct reader r = { .buf = malloc(cap), .cap = cap, .fp = fp };
	long total = 0;

	if (r.buf == NULL)
		return -1;
	while (fgets(r.buf, (int)r.cap, r.fp) != NULL)
		total++;
	free(r.buf);
	if (ferror(r.fp))
		return -1;
	return total;
}

struct reader reader_open(FILE *fp, size_t cap)
{
	struct reader r = { malloc(cap), cap, fp };

	return r;
}
