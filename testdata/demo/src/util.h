#ifndef QUOTESVC_UTIL_H
#define QUOTESVC_UTIL_H

#include <stddef.h>

void log_line(const char *line);
char *read_file(const char *path, size_t *len_out);
char *dup_range(const char *start, size_t n);

#endif
