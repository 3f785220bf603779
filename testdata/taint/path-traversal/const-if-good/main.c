/* c.path-traversal, const-if, good: the branch that parses a file name
 * from stdin is never taken, so only the literal lock file is removed. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char line[256];
	char name[200] = "/tmp/app.lock";

	if (0) {
		if (fgets(line, sizeof line, stdin) == NULL)
			return 1;
		if (sscanf(line, "%199s", name) != 1)
			return 1;
	}
	if (access(name, W_OK) == 0)
		return unlink(name) != 0;
	return 0;
}
