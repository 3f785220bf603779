/* c.path-traversal, const-if, bad: the branch that parses a file name
 * from stdin with sscanf is always taken. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char line[256];
	char name[200] = "/tmp/app.lock";

	if (1) {
		if (fgets(line, sizeof line, stdin) == NULL)
			return 1;
		if (sscanf(line, "%199s", name) != 1)
			return 1;
	}
	if (access(name, W_OK) == 0) /* BH-EXPECT: c.path-traversal */
		return unlink(name) != 0; /* BH-EXPECT: c.path-traversal */
	return 0;
}
