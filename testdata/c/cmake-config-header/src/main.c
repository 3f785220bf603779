#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "config.h"
#include "version.h"

#if SIZEOF_LONG < 4 || QUOTED_MAJOR != 1
#error "configure with CMake first"
#endif

int serve(int fd)
{
	char tag[4];
	strcpy(tag, QUOTED_VERSION); /* "1.4.2": 6 bytes, from project(VERSION) */
#ifdef HAVE_ACCEPT4
	char line[64];
	gets(line); /* this host has accept4 */
	return accept4(fd, NULL, NULL, 0) + tag[0];
#else
	return accept(fd, NULL, NULL) + tag[0];
#endif
}

#if WITH_STATS
void stats(void)
{
	char name[8];
	strcpy(name, BANNER); /* option(WITH_STATS ... ON): compiled */
	puts(name);
}
#endif

#ifdef WITH_DEBUG
void debug_only(void)
{
	char line[16];
	gets(line); /* option(WITH_DEBUG ... OFF): not compiled */
}
#endif

#ifdef HAVE_ZZ_NO_SUCH_HEADER_H
void absent_header(void)
{
	char line[16];
	gets(line); /* this host has no zz_no_such_header.h: not compiled */
}
#endif
