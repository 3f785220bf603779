/* c.tainted-loop-bound, pointer-walk, good: loops over a line read from
 * input run between two places of the line (its start and its newline):
 * the input decides where the newline is, not how far past the line the
 * loop goes. */
#include <stdio.h>
#include <string.h>

static size_t spaces(const char *from, const char *to)
{
	size_t n = 0;
	for (const char *p = from; p < to; p++)
		n += *p == ' ';
	return n;
}

int main(void)
{
	char line[256];
	unsigned long total = 0;

	while (fgets(line, sizeof line, stdin)) {
		char *nl = strchr(line, '\n');
		if (!nl)
			continue;
		for (char *p = line; p < nl; p++)
			total += (unsigned char)*p;
		total += spaces(line, nl);
	}
	printf("%lu\n", total);
	return 0;
}
