/* c.path-traversal, func-ptr, bad: a path read from standard input is
 * deleted through a function pointer whose only target is purge(). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int purge(const char *path)
{
	if (remove(path) == 0) /* BH-EXPECT: c.path-traversal */
		return 0;
	return rmdir(path); /* BH-EXPECT: c.path-traversal */
}

int main(void)
{
	int (*fp)(const char *) = purge;
	char path[256];

	if (fgets(path, sizeof path, stdin) == NULL)
		return 2;
	path[strcspn(path, "\n")] = '\0';
	return fp(path) != 0;
}
