/* c.stack-buffer-overflow, const-if, good: STATIC_CONST_FIVE is 5, so the
 * oversized snprintf is on the infeasible branch; the one that runs
 * passes the buffer's real size. */
#include <stdio.h>

static const int STATIC_CONST_FIVE = 5;

int greet(const char *user)
{
	char msg[50];

	if (STATIC_CONST_FIVE != 5)
		snprintf(msg, 100, "welcome back, %s", user);
	else
		snprintf(msg, sizeof(msg), "welcome back, %s", user);
	return puts(msg);
}
