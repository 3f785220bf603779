/* c.path-traversal, callee-sink, good: the helper that renames is only
 * called with a literal; the line read is printed. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int retire(const char *path)
{
	return rename(path, "/var/spool/app/done");
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	int rc = 1;

	if (getline(&line, &cap, stdin) > 0) {
		char *nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		printf("request: %s\n", line);
		rc = retire("/var/spool/app/current");
	}
	free(line);
	return rc != 0;
}
