/* c.format-string, const-if, bad: GLOBAL_CONST is 5, so the format read
 * from stdin with fread is used. */
#include <stdio.h>
#include <string.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	char input[128];
	char out[256];
	const char *fmt = "hello\n";

	if (GLOBAL_CONST == 5) {
		memset(input, 0, sizeof input);
		if (fread(input, 1, sizeof input - 1, stdin) == 0)
			return 1;
		fmt = input;
	}
	snprintf(out, sizeof out, fmt); /* BH-EXPECT: c.format-string */
	fputs(out, stdout);
	return 0;
}
