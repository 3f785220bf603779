/* c.path-traversal, extern-const-if, good: the switch defined in another file
 * is 0: the file name from the environment is never used. */
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
	f = fopen(name, "r");
	if (!f)
		return 1;
	fclose(f);
	return 0;
}
