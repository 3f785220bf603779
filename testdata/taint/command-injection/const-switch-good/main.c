/* c.command-injection, const-switch, good: a switch on a constant never
 * takes the case that reads the command from the environment. */
#include <stdlib.h>

#define MODE 7

int main(void)
{
	const char *cmd = "uptime";

	switch (MODE) {
	case 6:
		cmd = getenv("JOB_COMMAND");
		if (!cmd)
			return 1;
		break;
	default:
		break;
	}
	return system(cmd);
}
