/* c.memory-leak, init-list, bad: the read buffer is allocated in the
 * initialiser of a local struct and dropped when the file cannot be read. */
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
	if (ferror(r.fp))
		return -1; /* BH-EXPECT: c.memory-leak */
	free(r.buf);
	return total;
}
