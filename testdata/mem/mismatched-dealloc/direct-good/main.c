/* c.mismatched-dealloc, direct, good: the popen stream is closed with
 * pclose. */
#include <stdio.h>

int git_head_short(char *out, int cap)
{
	FILE *p = popen("git rev-parse --short HEAD", "r");
	int ok;

	if (p == NULL)
		return -1;
	ok = fgets(out, cap, p) != NULL;
	if (pclose(p) != 0)
		ok = 0;
	return ok ? 0 : -1;
}
