/* c.format-string, callee-sink, bad: a scanned word is the format of a
 * logging helper and reaches its vfprintf. */
#include <stdarg.h>
#include <stdio.h>

static void log_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap); /* BH-EXPECT: c.format-string */
	va_end(ap);
}

int main(void)
{
	char name[64];

	if (scanf("%63s", name) != 1)
		return 1;
	log_msg(name);
	return 0;
}
