/* c.path-traversal, local-copy, good: the copy of the environment variable
 * is overwritten with a literal before the directory calls. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void)
{
	const char *data = getenv("UPLOAD_DIR");
	if (data == NULL)
		return 1;
	const char *dir = data;
	printf("UPLOAD_DIR=%s is ignored\n", dir);
	dir = "/var/tmp/uploads";
	if (mkdir(dir, 0750) != 0)
		return 1;
	return chmod(dir, 0770) != 0;
}
