// IR golden: initialiser lists of locals and compound literals. A list
// zero-fills its object (`s = 0`), then stores what it names: one
// FIELD_STORE per struct member (designated, positional, named twice, an
// aggregate member as one value), one INDEX_STORE per array element that
// is not zero; a byte array of constants or a string literal becomes the
// string it holds. Shapes not followed (brace elision, anonymous members,
// GNU ranges) keep one opaque "InitListExpr" value.
#include <stdlib.h>

struct inner {
	int x;
	char *q;
};

struct req {
	char *buf;
	size_t len;
	struct inner in;
	char name[8];
};

struct ops {
	int (*run)(const char *);
	int flags;
};

struct pair {
	int a[2];
	int b;
};

struct anon {
	union {
		int i;
		char *s;
	};
	int n;
};

int run_it(const char *s);

int structs(size_t n, char *p)
{
	struct req r = { .buf = malloc(n), .len = n };
	struct req d = { p, n, { 1, p }, "ab" };
	struct req e = { .in.x = 3, .in.q = p, .len = 1, .len = n };
	struct req z = { 0 };
	struct ops o = { .run = run_it };
	struct pair elided = { 1, 2, 3 };
	struct anon an = { .n = 1 };
	free(r.buf);
	return o.run(d.buf) + (int)e.len + (int)z.len + elided.b + an.n;
}

int arrays(int n, char *p)
{
	char path[32] = "/var/lib/";
	char bytes[8] = { 'h', 'i' };
	char mixed[4] = { 'x', (char)n };
	int small[4] = { 1, 0, n };
	int sparse[16] = { [3] = 7, [9] = n };
	char *argv[] = { p, NULL };
	int range[8] = { [0 ... 3] = 1 };
	int scalar = { n };
	return path[0] + bytes[1] + mixed[1] + small[2] + sparse[9] + (argv[0] != 0) + range[0] +
	       scalar;
}

int compound(int n)
{
	struct inner *ip = &(struct inner){ .x = n };
	int *ints = (int[]){ 4, n };
	return ip->x + ints[1];
}
