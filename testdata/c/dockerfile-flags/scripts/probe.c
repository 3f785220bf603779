#include <stdio.h>

// Not copied into the image: fallback flags, FOO undefined, nothing to report.
int main(void)
{
	char buf[8] = { 0 };
#ifdef FOO
	gets(buf);
#endif
	return buf[0];
}
