/* main.c: c.mismatched-dealloc, cross-file, bad: the popen stream from
 * sorter_start() (sorter.c) is closed with fclose. */
#include <stdio.h>
#include "sorter.h"

int print_sorted(const char *const *words, int n)
{
	FILE *s = sorter_start();
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		fprintf(s, "%s\n", words[i]);
	return fclose(s); /* BH-EXPECT: c.mismatched-dealloc */
}
