/* c.null-deref, local-copy, good: the copy is checked before it is
 * dereferenced. */
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
	if (val == NULL)
		return 0;
	return val[1] == '1';
}
