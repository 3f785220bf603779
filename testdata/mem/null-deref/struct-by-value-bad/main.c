/* c.null-deref, struct passed by value, bad: greet() hands over a record
 * whose name is NULL and say_hello() prints its first letter. */
#include <stdio.h>

struct person {
	const char *name;
	int age;
};

static void say_hello(struct person p)
{
	printf("%c\n", p.name[0]); /* BH-EXPECT: c.null-deref */
}

void greet(void)
{
	struct person p;
	const char *name = NULL;

	p.name = name;
	p.age = 3;
	say_hello(p);
}
