/* Loops that run once are straight code; the others keep their back edge. */
#include <stdlib.h>

void g(void);

void once(void)
{
	char *data = NULL;
	int i;

	for (i = 0; i < 1; i++)
		data = malloc(100);
	for (i = 0; i < 1; i++)
		free(data);
}

void twice(void)
{
	int i;

	for (i = 0; i < 2; i++)
		g();
}

void body_writes_counter(void)
{
	int i;

	for (i = 0; i < 1; i++) {
		g();
		i = -1;
	}
}

void counter_from_caller(int i)
{
	for (; i < 1; i++)
		g();
}
