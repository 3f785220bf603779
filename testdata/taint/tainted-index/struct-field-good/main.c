/* c.tainted-index, struct-field, good: the opcode field is checked against
 * the table size before it indexes the table. */
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
	if (p->op >= sizeof op_names / sizeof op_names[0])
		return 1;
	printf("%s %d\n", op_names[p->op], (int)p->arg);
	return 0;
}
