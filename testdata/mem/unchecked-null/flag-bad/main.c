/* c.unchecked-null, flag, bad: the flag holds a test of an earlier
 * value; the pointer used is a later fopen() result nobody checked. */
#include <stdbool.h>
#include <stdio.h>

extern bool verbose;

void write_two(const char *a, const char *b)
{
	FILE *f = fopen(a, "w");
	bool opened = f != NULL;
	if (verbose)
		fprintf(stderr, "opening %s\n", b);
	if (opened)
		fclose(f);
	f = fopen(b, "w");
	if (verbose)
		fprintf(stderr, "writing %s\n", b);
	if (!opened) {
		if (f)
			fclose(f);
		return;
	}
	fputs("marker\n", f); /* BH-EXPECT: c.unchecked-null */
	fclose(f);
}
