/* c.double-free, loop, bad: each line copy is freed at the end of its
 * iteration, and the last one is freed again after the loop. */
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
	}
	free(line); /* BH-EXPECT: c.double-free */
	return 0;
}
