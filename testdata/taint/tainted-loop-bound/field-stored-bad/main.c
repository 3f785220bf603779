/* c.tainted-loop-bound, field-stored, bad: the whole record is read back
 * from a file, and a helper loops to the count field the file gave, which
 * nothing stored or checked since. */
#include <stdio.h>
#include <stdlib.h>

struct node {
	char name[40];
	int nslaves;
	int *slaves;
};

static struct node *node_load(FILE *f)
{
	struct node *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	if (fread(n, sizeof *n, 1, f) != 1) {
		free(n);
		return NULL;
	}
	return n;
}

static int slave_sum(const struct node *n)
{
	int s = 0;
	for (int i = 0; i < n->nslaves; i++) /* BH-EXPECT: c.tainted-loop-bound */
		s += n->slaves[i];
	return s;
}

int main(void)
{
	struct node *loaded = node_load(stdin);
	if (!loaded)
		return 1;
	loaded->slaves = calloc(2, sizeof(int));
	int s = loaded->slaves ? slave_sum(loaded) : 0;
	free(loaded->slaves);
	free(loaded);
	return s;
}
