/* c.path-traversal, local-copy, bad: a directory from the environment,
 * copied to a local, is created and its mode changed. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void)
{
	const char *data = getenv("UPLOAD_DIR");
	if (data == NULL)
		return 1;
	const char *dir = data;
	if (mkdir(dir, 0750) != 0) /* BH-EXPECT: c.path-traversal */
		return 1;
	return chmod(dir, 0770) != 0; /* BH-EXPECT: c.path-traversal */
}
