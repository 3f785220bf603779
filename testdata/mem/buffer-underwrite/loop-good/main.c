/* c.buffer-underwrite, loop, good: the shifting loop starts at i = 1. */
#define WINDOW 8

static int g_window[WINDOW];

void window_push(int sample)
{
	int i;

	for (i = 1; i < WINDOW; i++)
		g_window[i - 1] = g_window[i];
	g_window[WINDOW - 1] = sample;
}

int window_oldest(void)
{
	return g_window[0];
}
