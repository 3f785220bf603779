/* c.double-free, loop, good: each line copy is freed at the end of its
 * iteration and the pointer cleared, so the final free is of NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_names(FILE *out, const char *const *names, int n)
{
	char *line = NULL;
	int i;

	for (i = 0; i < n; i++) {
		line = strdup(names[i]);
		if (line == NULL)
			return -1;
		line[strcspn(line, "\n")] = '\0';
		fprintf(out, "%d %s\n", i, line);
		free(line);
		line = NULL;
	}
	free(line);
	return 0;
}
