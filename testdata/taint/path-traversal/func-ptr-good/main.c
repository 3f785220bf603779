/* c.path-traversal, func-ptr, good: the function pointer's target only
 * prints the path; purge() is called directly with a literal. */
#include <stdio.h>
#include <unistd.h>

static int purge(const char *path)
{
	if (remove(path) == 0)
		return 0;
	return rmdir(path);
}

static int report(const char *path)
{
	return printf("would purge %s\n", path) < 0;
}

int main(int argc, char **argv)
{
	int (*fp)(const char *) = report;

	if (argc < 2)
		return 2;
	return fp(argv[1]) != 0 || purge("/tmp/app-cache") != 0;
}
