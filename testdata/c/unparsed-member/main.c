/* The member only exists when the build defines WITH_RNG (config.h, which
 * a configure step writes, is not in the tree): clang cannot understand
 * `w->rng[x]` and keeps a recovery expression around `w`. The random
 * numbers go nowhere Bulkhead can see; they must not be taken as written
 * into all of *w (which made `w->st->n` a loop bound from rand()). */
#include <stdlib.h>

struct state { int n; };
typedef struct {
	struct state *st;
#ifdef WITH_RNG
	unsigned int rng[3];
#endif
} worker;

static int walk(worker *w)
{
	int k = 0;
	for (int i = 0; i < w->st->n; i++)
		k++;
	return k;
}

int start(worker *w)
{
	for (int x = 0; x < 3; x++)
		w->rng[x] = rand();
	return walk(w);
}
