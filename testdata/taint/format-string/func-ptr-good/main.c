/* c.format-string, func-ptr, good: say() is called through a function
 * pointer with a literal format; the data from read(2) is an argument. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

int main(void)
{
	char buf[128];
	void (*fp)(const char *, ...) = say;

	memset(buf, 0, sizeof buf);
	if (read(0, buf, sizeof buf - 1) <= 0)
		return 1;
	fp("%s", buf);
	return 0;
}
