/* c.toctou, loop, bad: each candidate configuration file is checked for
 * readability, then opened by name. */
#include <stdio.h>
#include <unistd.h>

FILE *open_first_config(const char *const *paths, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (access(paths[i], R_OK) != 0)
			continue;
		return fopen(paths[i], "r"); /* BH-EXPECT: c.toctou */
	}
	return NULL;
}
