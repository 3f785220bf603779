/* c.path-traversal, extern-const-if, bad: a switch defined in another file
 * as 1 lets the file name come from the environment. */
#include <stdio.h>
#include <stdlib.h>

extern const int ALLOW_USER_PATHS;

int main(void)
{
	const char *name = "/var/lib/app/state";
	FILE *f;

	if (ALLOW_USER_PATHS) {
		const char *env = getenv("STATE_FILE");
		if (env)
			name = env;
	}
	f = fopen(name, "r"); /* BH-EXPECT: c.path-traversal */
	if (!f)
		return 1;
	fclose(f);
	return 0;
}
