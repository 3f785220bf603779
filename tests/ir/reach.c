// IR golden and reaching-definitions cases (tests/unit/flow_test.c): which
// assignments reach each `return`, through branches, loops, parameters
// and struct fields.
int reach(int a, int b)
{
	int x = 1;
	if (a)
		x = 2;
	else if (b)
		x = 3;
	int y = x;
	x = 4;
	return x + y;
}

int loop_reach(int n)
{
	int i = 0;
	while (i < n)
		i = i + 1;
	return i;
}

int param_reach(int p)
{
	if (p > 3)
		p = 3;
	return p;
}

struct pt {
	int x, y;
};

int field_reach(struct pt s, int c)
{
	s.x = 1;
	if (c)
		s.x = 2;
	s.y = 5;
	return s.x;
}
