/* Strings from outside (standard input, the command line, the
 * environment) used as printf formats: "%n" writes memory, "%s" reads it.
 * Built with _FORTIFY_SOURCE (printf becomes __printf_chk). */
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

void banner(const char *greeting)
{
	/* A pointer initialised with a literal is reassigned with input. */
	const char *fmt = "ready\n";

	if (greeting)
		fmt = greeting;
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

int main(int argc, char **argv)
{
	char line[256], reply[256];

	if (argc < 2 || !fgets(line, sizeof line, stdin))
		return 2;
	report(stderr, line, LOG_ERR);
	echo_request(argv, reply, sizeof reply);
	parse(line, argv[2]);
	banner(getenv("GREETING"));
	return 0;
}
