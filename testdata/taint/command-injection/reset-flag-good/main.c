/* c.command-injection, reset-flag, good: the caller sets the flag to the
 * value it starts with before calling the function that tests it; no
 * code ever raises it, so the environment is never read. */
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
	from_env = 0;
	return system(backup_command());
}
