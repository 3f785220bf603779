/* c.unchecked-null, flag, good: the NULL test is kept in a flag and the
 * flag is tested blocks later, as an assertion macro does
 * (`bool passed = !!(p != NULL); ... if (!passed) abort();`). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

extern bool verbose;

#define CHECK(cond)                                          \
	do {                                                 \
		bool passed_ = !!(cond);                     \
		if (!passed_ || verbose)                     \
			fprintf(stderr, "check: %s\n", #cond); \
		if (!passed_)                                \
			abort();                             \
	} while (0)

void write_marker(const char *path)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	fputs("marker\n", f);
	fclose(f);
}

char *copy_name(const char *name, size_t n)
{
	char *out = malloc(n + 1);
	int missing = out == NULL;
	if (verbose)
		fprintf(stderr, "copying %zu bytes\n", n);
	if (missing)
		return NULL;
	for (size_t i = 0; i < n; i++)
		out[i] = name[i];
	out[n] = '\0';
	return out;
}
