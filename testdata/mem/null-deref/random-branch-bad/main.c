/* c.null-deref, random-branch, bad: a sampler leaves `sample` NULL on a
 * random half of the calls and reads it on an independent random half. */
#include <stdio.h>
#include <stdlib.h>

static int should_sample(void)
{
	return random() % 2;
}

void record(int value)
{
	int *sample;
	int copy = value;
	if (should_sample())
		sample = NULL;
	else
		sample = &copy;
	if (should_sample())
		printf("%d\n", *sample); /* BH-EXPECT: c.null-deref */
}
