/* c.mismatched-dealloc, const-if, bad: MODE is 2, so the output goes to a
 * popen'ed compressor, but it is closed with fclose. */
#include <stdio.h>

static const int MODE = 2; /* 1: plain file, 2: through gzip */

int write_dump(const char *const *lines, int n)
{
	FILE *out;
	int i;

	if (MODE == 2)
		out = popen("gzip -c > /var/tmp/dump.gz", "w");
	else
		out = fopen("/var/tmp/dump", "w");
	if (out == NULL)
		return -1;
	for (i = 0; i < n; i++)
		fprintf(out, "%s\n", lines[i]);
	return fclose(out); /* BH-EXPECT: c.mismatched-dealloc */
}
