/* c.stack-buffer-overflow, const-if, bad: STATIC_CONST_FIVE is 5, so the
 * branch that tells snprintf the 50-byte buffer holds 100 bytes runs. */
#include <stdio.h>

static const int STATIC_CONST_FIVE = 5;

int greet(const char *user)
{
	char msg[50];

	if (STATIC_CONST_FIVE == 5)
		snprintf(msg, 100, "welcome back, %s", user); /* BH-EXPECT: c.stack-buffer-overflow */
	else
		snprintf(msg, sizeof(msg), "welcome back, %s", user);
	return puts(msg);
}
