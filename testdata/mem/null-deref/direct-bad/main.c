/* c.null-deref, direct, bad: 'mode' stays NULL for an operation the switch
 * does not list, and its first character is read anyway. */
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
		break;
	}
	if (mode[0] == 'a') /* BH-EXPECT: c.null-deref */
		flags |= O_APPEND;
	return flags;
}
