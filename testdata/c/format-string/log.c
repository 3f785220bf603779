/* Strings from outside used as printf formats: "%n" writes memory, "%s"
 * reads it. Built with _FORTIFY_SOURCE (printf becomes __printf_chk). */
#include <stdio.h>
#include <syslog.h>

void report(FILE *out, const char *msg, int prio)
{
	printf(msg);
	fprintf(out, msg);
	syslog(prio, msg);
}

void echo_request(char *const *argv, char *reply, size_t size)
{
	snprintf(reply, size, argv[1]);
}

void parse(const char *input, const char *pattern)
{
	int a, b;

	sscanf(input, pattern, &a, &b);
}

void banner(void)
{
	/* A pointer initialised with a literal can still be reassigned:
	 * it is not treated as a constant. */
	const char *fmt = "ready\n";

	printf(fmt);
}

#include <stdarg.h>

/* A va_list wrapper whose format does not come from its caller: the
 * forwarding exemption does not apply. */
void vlog_with(const char *prefix, const char *line, va_list ap)
{
	(void)prefix;
	vfprintf(stderr, line == NULL ? prefix : line, ap);
}
