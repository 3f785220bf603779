/* c.path-traversal, direct, bad: a path from the environment is opened. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[256];
	FILE *f;
	const char *path = getenv("REPORT_FILE");

	if (path == NULL)
		return 2;
	f = fopen(path, "r"); /* BH-EXPECT: c.path-traversal */
	if (f == NULL)
		return 1;
	if (fgets(line, sizeof line, f) != NULL)
		fputs(line, stdout);
	fclose(f);
	return 0;
}
