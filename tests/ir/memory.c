// IR golden: the memory model. Fields through `.` and `->` (one level,
// nested through an address), arrays as regions, address-of, string
// literals with escapes, globals and statics, direct and indirect calls,
// initializer lists (a zero fill, then stores), constructs lowered as
// opaque (asm, VLA sizeof) or through their parts (statement expressions),
// union members (one storage: keyed by the first member).
#include <string.h>

struct inner {
	int x;
};

struct s {
	int len;
	char buf[16];
	struct inner in;
	struct s *next;
};

int counter;
static const char *names[] = { "a", "b" };

int memory(struct s *p, struct s v, int i, int (*cb)(int))
{
	static int calls;
	char local[8];
	int *q = &v.len;
	calls++;
	p->len = v.len;
	v.in.x = 3;
	p->in.x = p->next->len;
	local[i] = 'x';
	p->buf[i] = local[0];
	*q = 4;
	strcpy(p->buf, "hi\n\x41");
	memcpy(local, p->buf, sizeof local);
	counter += cb(i);
	int (*f)(int) = cb;
	f(*q);
	(*cb)(names[i][0]);
	return p->len + v.in.x + local[1];
}

int opaque_stuff(int n)
{
	int arr[3] = { 1, 2, n };
	int vla[n];
	struct inner t = { .x = n };
	__asm__("" : : "r"(n));
	int k = ({ int z = n * 2; z + 1; });
	return arr[0] + (int)sizeof vla + t.x + k + vla[0];
}

union either {
	char *first;
	char *second;
};

struct tagged {
	int kind;
	union {
		long a;
		int b;
	};
};

char *unions(union either *p, union either v, struct tagged *q)
{
	v.first = p->second;
	q->a = 3;
	return v.second + q->b;
}
