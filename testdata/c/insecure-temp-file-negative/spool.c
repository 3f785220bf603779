/* mkstemp() creates and opens the file in one step, with O_EXCL; tmpfile()
 * and mkdtemp() are safe too. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

FILE *open_spool(void)
{
	char templ[] = "/tmp/spool.XXXXXX";
	int fd = mkstemp(templ);

	if (fd < 0)
		return NULL;
	unlink(templ);
	return fdopen(fd, "w+");
}

FILE *open_scratch(void)
{
	return tmpfile();
}

char *make_workdir(char *templ)
{
	return mkdtemp(templ);
}
