/* c.null-deref, struct passed by value, good: say_hello() checks the
 * record's name before it prints its first letter. */
#include <stdio.h>

struct person {
	const char *name;
	int age;
};

static void say_hello(struct person p)
{
	if (p.name)
		printf("%c\n", p.name[0]);
}

void greet(void)
{
	struct person p;
	const char *name = NULL;

	p.name = name;
	p.age = 3;
	say_hello(p);
}
