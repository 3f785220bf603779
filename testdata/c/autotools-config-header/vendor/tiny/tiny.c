/* A vendored library with a Makefile of its own: configure's DEFS
   (-DHAVE_CONFIG_H) are not on its compile line. */
#include <stdio.h>

#ifdef HAVE_CONFIG_H
void tiny_read(void)
{
	char line[16];
	gets(line);
}
#endif

int tiny_version(void)
{
	return 1;
}
