/* Three ways to get a temporary name that another process can predict and
 * create first (a symlink to /etc/passwd, say) before we open it. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *open_spool(void)
{
	char name[L_tmpnam];

	if (tmpnam(name) == NULL)
		return NULL;
	return fopen(name, "w");
}

FILE *open_report(void)
{
	char *name = tempnam("/tmp", "rpt");
	FILE *f = name ? fopen(name, "w") : NULL;

	free(name);
	return f;
}

int make_lock(char *path_out, size_t size)
{
	char templ[] = "/tmp/lock.XXXXXX";

	if (mktemp(templ)[0] == '\0')
		return -1;
	strncpy(path_out, templ, size);
	return 0;
}
