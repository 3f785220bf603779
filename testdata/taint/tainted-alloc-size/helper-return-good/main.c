/* c.tainted-alloc-size, helper-return, good: the size returned by the helper is
 * bounded above before alloca. */
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
	if (n > 4096)
		return 1;
	char *scratch = alloca(n + 1);
	scratch[0] = '\0';
	printf("scratch of %u bytes%s\n", n + 1, scratch);
	return 0;
}
