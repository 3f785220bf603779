/* c.format-string, callee-sink, good: the logging helper is called with a
 * literal format; the scanned word is an argument. */
#include <stdarg.h>
#include <stdio.h>

static void log_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

int main(void)
{
	char name[64];

	if (scanf("%63s", name) != 1)
		return 1;
	log_msg("hello %s\n", name);
	return 0;
}
