/* c.resource-leak, callee, bad: dump_stats() only writes to the stream; the
 * stats file is never closed. */
#include <stdio.h>

struct stats {
	unsigned long requests;
	unsigned long errors;
};

static void dump_stats(FILE *f, const struct stats *st)
{
	fprintf(f, "requests %lu\nerrors %lu\n", st->requests, st->errors);
}

int save_stats(const char *path, const struct stats *st)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return -1;
	dump_stats(f, st);
	return 0; /* BH-EXPECT: c.resource-leak */
}
