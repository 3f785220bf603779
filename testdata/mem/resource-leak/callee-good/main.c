/* c.resource-leak, callee, good: dump_and_close() writes the stats and
 * closes the stream it was given. */
#include <stdio.h>

struct stats {
	unsigned long requests;
	unsigned long errors;
};

static int dump_and_close(FILE *f, const struct stats *st)
{
	fprintf(f, "requests %lu\nerrors %lu\n", st->requests, st->errors);
	return fclose(f);
}

int save_stats(const char *path, const struct stats *st)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return -1;
	return dump_and_close(f, st) == 0 ? 0 : -1;
}
