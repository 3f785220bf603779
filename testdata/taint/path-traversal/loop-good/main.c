/* c.path-traversal, loop, good: each scanned word is only compared
 * with an allowed name; the directory used is a literal. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(void)
{
	char word[256];
	struct stat st;

	while (scanf("%255s", word) == 1) {
		if (strcmp(word, "logs") != 0)
			continue;
		if (lstat("/srv/logs", &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		DIR *d = opendir("/srv/logs");
		if (d != NULL)
			closedir(d);
	}
	return 0;
}
