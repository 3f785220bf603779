/* c.null-deref, direct, good: an operation the switch does not list is
 * rejected before 'mode' is read. */
#include <fcntl.h>
#include <stddef.h>

enum op { OP_READ, OP_APPEND, OP_TRUNCATE };

int open_flags(enum op op)
{
	const char *mode = NULL;
	int flags = O_RDONLY;

	switch (op) {
	case OP_READ:
		mode = "r";
		break;
	case OP_APPEND:
		mode = "a";
		flags = O_WRONLY;
		break;
	default:
		return -1;
	}
	if (mode[0] == 'a')
		flags |= O_APPEND;
	return flags;
}
