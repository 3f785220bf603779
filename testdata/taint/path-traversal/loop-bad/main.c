/* c.path-traversal, loop, bad: each scanned word is inspected and
 * opened as a directory. */
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

		if (lstat(word, &st) != 0 || !S_ISDIR(st.st_mode)) /* BH-EXPECT: c.path-traversal */
			continue;
		DIR *d = opendir(word); /* BH-EXPECT: c.path-traversal */
		if (d != NULL)
			closedir(d);
	}
	return 0;
}
