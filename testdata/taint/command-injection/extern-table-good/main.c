/* c.command-injection, extern-table, good: commands are looked up in a
 * table another file defines; nothing here calls into that file by name. */
#include <stdio.h>
#include <string.h>

struct command {
	const char *name;
	void (*run)(const char *arg);
};

extern const struct command commands[];

int main(void)
{
	char name[64], arg[256];

	if (scanf("%63s %255s", name, arg) != 2)
		return 1;
	for (int i = 0; commands[i].name; i++)
		if (strcmp(commands[i].name, name) == 0)
			commands[i].run(arg);
	return 0;
}
