/* c.command-injection, const-switch, bad: a switch on a constant always
 * takes the case that reads the command from the environment. */
#include <stdlib.h>

#define MODE 6

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
	return system(cmd); /* BH-EXPECT: c.command-injection */
}
