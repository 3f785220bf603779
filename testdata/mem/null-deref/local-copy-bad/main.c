/* c.null-deref, local-copy, bad: 'val' copies 'eq', which is still NULL
 * when the option has no '=', and is dereferenced. */
#include <stddef.h>

int option_flag(const char *opt)
{
	const char *eq = NULL;
	const char *val;
	const char *p;

	for (p = opt; *p != '\0'; p++)
		if (*p == '=') {
			eq = p;
			break;
		}
	val = eq;
	return val[1] == '1'; /* BH-EXPECT: c.null-deref */
}
