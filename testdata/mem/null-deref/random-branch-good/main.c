/* c.null-deref, random-branch, good: the read tests the pointer, and a
 * second sampler that reads configuration (not a random number) decides
 * nothing the analysis could pair with the first. */
#include <stdio.h>
#include <stdlib.h>

static int verbose;

static int should_sample(void)
{
	return random() % 2;
}

static int logging(void)
{
	return verbose;
}

void record(int value)
{
	int *sample;
	int copy = value;
	if (should_sample())
		sample = NULL;
	else
		sample = &copy;
	if (should_sample() && sample != NULL)
		printf("%d\n", *sample);
	sample = logging() ? NULL : &copy;
	if (!logging())
		printf("%d\n", *sample);
}
