/* c.tainted-loop-bound, field-stored, good: an object holds input in one
 * field (a name of random bytes, or the whole record read back from a
 * file), and its count field is stored by the program itself, in the
 * constructor or by the caller, before a helper loops to that count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	char name[40];
	int nslaves;
	int *slaves;
};

static void random_name(char *p, size_t len)
{
	FILE *fp = fopen("/dev/urandom", "r");
	if (!fp || fread(p, len, 1, fp) != 1)
		memset(p, 'x', len);
	if (fp)
		fclose(fp);
}

static struct node *node_new(void)
{
	struct node *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	random_name(n->name, sizeof n->name);
	n->nslaves = 0;
	return n;
}

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
	for (int i = 0; i < n->nslaves; i++)
		s += n->slaves[i];
	return s;
}

int main(void)
{
	struct node *fresh = node_new();
	struct node *loaded = node_load(stdin);
	int s = 0;
	if (fresh)
		s += slave_sum(fresh);
	if (loaded) {
		loaded->nslaves = 2;
		loaded->slaves = calloc(2, sizeof(int));
		if (loaded->slaves)
			s += slave_sum(loaded);
		free(loaded->slaves);
	}
	free(fresh);
	free(loaded);
	return s;
}
