#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#if !defined(HAVE_STDINT_H) || SIZEOF_LONG < 4
#error "run ./configure first"
#endif

/* AC_INIT's package, through version.m4: "Quote Service 2.4.1". */
static const char banner[] = PACKAGE_STRING;

/* `bool` comes from config.h (its AH_BOTTOM). */
bool greet(char *out)
{
	char tag[8];
	strcpy(tag, banner);
	return out != NULL && tag[0] != '\0';
}

int serve(int fd)
{
#ifdef HAVE_ACCEPT4
	char line[64];
	gets(line);
	return accept4(fd, NULL, NULL, 0);
#else
	return accept(fd, NULL, NULL);
#endif
}

#ifdef HAVE_ZZ_NO_SUCH_HEADER_H
void absent_header(void)
{
	char line[16];
	gets(line); /* this host has no zz_no_such_header.h: not compiled */
}
#endif

#ifdef ENABLE_DEBUG
void debug_only(void)
{
	char line[16];
	gets(line); /* --enable-debug is off by default: not compiled */
}
#endif
