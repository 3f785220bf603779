/* c.tainted-index, struct-field, bad: an opcode read with read(2) into a
 * struct, reached through a pointer, indexes the name table. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

struct command {
	uint32_t op;
	int32_t arg;
};

static const char *const op_names[] = { "nop", "get", "put", "del" };

int main(void)
{
	struct command cmd;
	struct command *p = &cmd;

	if (read(0, &cmd, sizeof cmd) != (ssize_t)sizeof cmd)
		return 1;

	printf("%s %d\n", op_names[p->op], (int)p->arg); /* BH-EXPECT: c.tainted-index */
	return 0;
}
