// IR golden: nested loops with break and continue, every shape of a for
// header (parts missing), and a for loop written by a macro.
int loops(int n)
{
	int s = 0;
	for (int i = 0; i < n; i++) {
		if (i == 3)
			continue;
		for (int j = 0; j < i; j++) {
			if (j > 5)
				break;
			s += j;
		}
		if (s > 100)
			break;
	}
	while (n > 0) {
		n--;
		if (n == 7)
			continue;
		s++;
	}
	do
		s--;
	while (s > 50);
	return s;
}

int for_forms(int n)
{
	int i = 0, s = 0;
	for (;;) {
		if (i++ > n)
			break;
	}
	for (i = 0;;) {
		if (i > n)
			break;
		i += 2;
	}
	for (; i < n;)
		i++;
	for (; i; i--)
		s++;
	for (i = 0;; i++)
		if (i > n)
			break;
	for (;; i++)
		if (i > 2 * n)
			break;
	return s;
}

struct node {
	struct node *next;
	int v;
};

#define each(p, head) for (p = (head); p; p = p->next)
#define each_tail(p) for (; p; p = p->next)

int macro_loop(struct node *head)
{
	struct node *p;
	int s = 0;
	each(p, head)
		s += p->v;
	p = head;
	each_tail(p)
		s--;
	return s;
}
