#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "util.h"

/* Planted: the request line is used as a format string (CWE-134). */
void log_line(const char *line)
{
	syslog(LOG_INFO, line);
	fprintf(stderr, line);
}

char *read_file(const char *path, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(65536);
	/* Planted: f and buf are not checked for NULL (CWE-690). */
	size_t n = fread(buf, 1, 65535, f);
	buf[n] = '\0';
	fclose(f);
	*len_out = n;
	return buf;
}

char *dup_range(const char *start, size_t n)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	memcpy(out, start, n);
	out[n] = '\0';
	return out;
}
