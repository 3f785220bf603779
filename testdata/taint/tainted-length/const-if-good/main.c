/* c.tainted-length, const-if, good: GLOBAL_CONST is 5, so the branch that
 * reads the length with getc is never taken and 8 bytes are copied. */
#include <stdio.h>
#include <string.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	static const char banner[] = "Welcome to the build service of this host";
	char title[16];
	size_t n = 8;

	if (GLOBAL_CONST != 5) {
		int c = getc(stdin);
		if (c == EOF)
			return 1;
		n = (size_t)c;
	}
	memset(title, 0, sizeof title);
	strncpy(title, banner, n);
	puts(title);
	return 0;
}
