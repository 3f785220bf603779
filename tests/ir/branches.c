// IR golden: if/else chains, && || ! ?: and the comma in conditions and as
// values, GNU's x ?: y, conditions that are literal constants (folded), and
// truth values compared with 0 as likely()/unlikely() macros write them.
int g;

int branches(int a, int b)
{
	int r = 0;
	if (a)
		r = 1;
	else if (b)
		r = 2;
	else
		r = 3;
	if (a && b)
		r += 10;
	if (a || !b)
		r -= 1;
	if (a ? b : !b)
		r *= 2;
	if ((g = a, g > 3))
		r = g;
	return r;
}

int values(int a, int b)
{
	int x = a && b;
	int y = a || b;
	int z = a ? b + 1 : b - 1;
	int w = (a++, b--, a + b);
	return x + y + z + w;
}

int gnu_elvis(int a, int b)
{
	int x = a ?: b + 1;
	if (a ?: b)
		x++;
	return x;
}

int constants(int a)
{
	if (0)
		a = 1;
	while (1) {
		if (a > 10)
			break;
		a++;
	}
	do {
		a--;
	} while (0);
	return a;
}

#define unlikely(x) __builtin_expect(((x) != 0), 0)

int hinted(int *p, int n)
{
	if (unlikely(p == 0 && n > 0))
		return -1;
	if ((n > 2) == 0)
		return 1;
	return 0;
}
