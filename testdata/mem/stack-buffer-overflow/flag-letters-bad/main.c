/* c.stack-buffer-overflow, flag-letters, bad: one letter per flag set,
 * then a '+' after any of them, then the terminator: with all three
 * flags set that is five bytes in a four-byte buffer. */
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
	if (p != flags)
		*p++ = '+';
	*p++ = '\0'; /* BH-EXPECT: c.stack-buffer-overflow */
	puts(flags);
}

int main(int argc, char **argv)
{
	(void)argv;
	print_flags((unsigned)argc);
	return 0;
}
