/* c.path-traversal, callee-sink, bad: a name read with getline is renamed
 * inside a helper. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int retire(const char *path)
{
	return rename(path, "/var/spool/app/done"); /* BH-EXPECT: c.path-traversal */
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
		rc = retire(line);
	}
	free(line);
	return rc != 0;
}
