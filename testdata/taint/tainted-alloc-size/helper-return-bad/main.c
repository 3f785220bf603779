/* c.tainted-alloc-size, helper-return, bad: a helper returns a size scanned with
 * fscanf, and alloca uses it. */
#include <alloca.h>
#include <stdio.h>

static unsigned read_size(void)
{
	unsigned n = 0;

	if (fscanf(stdin, "%u", &n) != 1)
		return 0;
	return n;
}

int main(void)
{
	unsigned n = read_size();

	char *scratch = alloca(n + 1); /* BH-EXPECT: c.tainted-alloc-size */
	scratch[0] = '\0';
	printf("scratch of %u bytes%s\n", n + 1, scratch);
	return 0;
}
