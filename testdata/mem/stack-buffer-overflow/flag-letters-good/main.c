/* c.stack-buffer-overflow, flag-letters, good: one letter per flag set,
 * 'N' when none is, then the terminator (redis' catClientInfoString()):
 * three flags and the NUL fill the four bytes, and 'N' is written only
 * when no flag was, which the test `p == flags` says. */
#include <stdio.h>

enum { F_READ = 1, F_WRITE = 2, F_EXEC = 4 };

static void print_flags(unsigned mode)
{
	char flags[4], *p = flags;

	if (mode & F_READ)
		*p++ = 'r';
	if (mode & F_WRITE)
		*p++ = 'w';
	if (mode & F_EXEC)
		*p++ = 'x';
	if (p == flags)
		*p++ = 'N';
	*p++ = '\0';
	puts(flags);
}

int main(int argc, char **argv)
{
	(void)argv;
	print_flags((unsigned)argc);
	return 0;
}
