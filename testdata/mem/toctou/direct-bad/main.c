/* c.toctou, direct, bad: a setuid helper asks access() whether the real
 * user may write the file, then opens it with its own rights. */
#include <stdio.h>
#include <unistd.h>

int append_report(const char *path, const char *line)
{
	FILE *f;

	if (access(path, W_OK) != 0)
		return -1;
	f = fopen(path, "a"); /* BH-EXPECT: c.toctou */
	if (f == NULL)
		return -1;
	fputs(line, f);
	fclose(f);
	return 0;
}
