/* c.format-string, const-if, good: GLOBAL_CONST is 5, so the branch that
 * reads the format from stdin is never taken. */
#include <stdio.h>
#include <string.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	char input[128];
	char out[256];
	const char *fmt = "hello\n";

	if (GLOBAL_CONST != 5) {
		memset(input, 0, sizeof input);
		if (fread(input, 1, sizeof input - 1, stdin) == 0)
			return 1;
		fmt = input;
	}
	snprintf(out, sizeof out, fmt);
	fputs(out, stdout);
	return 0;
}
