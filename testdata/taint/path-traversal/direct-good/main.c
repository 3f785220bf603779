/* c.path-traversal, direct, good: the argument is only printed; the file
 * opened is a literal path. */
#include <stdio.h>

int main(int argc, char **argv)
{
	char line[256];
	FILE *f;

	if (argc < 2)
		return 2;
	printf("host %s: ", argv[1]);
	f = fopen("/etc/hostname", "r");
	if (f == NULL)
		return 1;
	if (fgets(line, sizeof line, f) != NULL)
		fputs(line, stdout);
	fclose(f);
	return 0;
}
