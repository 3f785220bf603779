/* c.tainted-length, const-if, bad: GLOBAL_CONST is 5, so the length comes
 * from getc and bounds a strncpy into a 16-byte array. */
#include <stdio.h>
#include <string.h>

static const int GLOBAL_CONST = 5;

int main(void)
{
	static const char banner[] = "Welcome to the build service of this host";
	char title[16];
	size_t n = 8;

	if (GLOBAL_CONST == 5) {
		int c = getc(stdin);
		if (c == EOF)
			return 1;
		n = (size_t)c;
	}
	memset(title, 0, sizeof title);
	strncpy(title, banner, n); /* BH-EXPECT: c.tainted-length */
	puts(title);
	return 0;
}
