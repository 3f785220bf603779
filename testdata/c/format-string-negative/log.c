/* Formats that are constant: literals, macros, const arrays, const
 * pointers, a choice between literals, translated literals, and a wrapper
 * that forwards its own caller's format. */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#define LINE_FMT "%s:%d: %s\n"
#define _(s) gettext(s)

static const char usage_fmt[] = "usage: %s [-v] FILE\n";
static const char *const version_fmt = "%s version %s\n";

void report(const char *file, int line, const char *msg, int verbose)
{
	printf("%s\n", msg);
	printf(LINE_FMT, file, line, msg);
	fprintf(stderr, usage_fmt, file);
	printf(version_fmt, file, "1.0");
	printf(verbose ? "%s (verbose)\n" : "%s\n", msg);
	printf(_("cannot open %s\n"), file);
	syslog(LOG_ERR, "%s", msg);
	fputs(msg, stdout);
}

/* The caller's format goes to vfprintf: the wrapper itself is not the
 * problem (a caller passing a non-literal would be). */
void log_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void vlog_msg(const char *fmt, va_list ap)
{
	vsyslog(LOG_INFO, fmt, ap);
}

/* A va_list wrapper may format twice through va_copy: the va_list passed
 * on is a copy, the format is still the caller's. */
int vformat_twice(char *buf, size_t n, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int len = vsnprintf(buf, n, fmt, again);
	va_end(again);
	return len;
}

/* Untrusted input reaches every function above, never as a format. */
int main(int argc, char **argv)
{
	char buf[64];
	const char *msg = getenv("MSG");

	if (argc < 2 || msg == NULL)
		return 2;
	report(argv[1], 1, msg, argc > 2);
	log_msg("%s\n", argv[1]);
	return vformat_twice(buf, sizeof buf, "%s", NULL) < 0;
}
