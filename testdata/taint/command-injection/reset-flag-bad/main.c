/* c.command-injection, reset-flag, bad: the caller raises a file-scope
 * flag just before calling the function that tests it, so the command
 * comes from the environment. */
#include <stdlib.h>

static int from_env = 0;

static const char *backup_command(void)
{
	if (from_env) {
		const char *cmd = getenv("BACKUP_CMD");
		if (cmd)
			return cmd;
	}
	return "/usr/bin/backup --quiet";
}

int main(void)
{
	from_env = 1;
	return system(backup_command()); /* BH-EXPECT: c.command-injection */
}
