/* c.mismatched-dealloc, const-if, good: the stream is closed by the
 * function matching the MODE that opened it. */
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
	if (MODE == 2)
		return pclose(out);
	return fclose(out);
}
