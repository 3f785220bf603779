/* c.mismatched-dealloc, direct, bad: a stream from popen is closed with
 * fclose instead of pclose. */
#include <stdio.h>

int git_head_short(char *out, int cap)
{
	FILE *p = popen("git rev-parse --short HEAD", "r");
	int ok;

	if (p == NULL)
		return -1;
	ok = fgets(out, cap, p) != NULL;
	fclose(p); /* BH-EXPECT: c.mismatched-dealloc */
	return ok ? 0 : -1;
}
