/* c.buffer-underwrite, loop, bad: the loop that shifts the window left
 * starts at i = 0 and writes g_window[-1]. */
#define WINDOW 8

static int g_window[WINDOW];

void window_push(int sample)
{
	int i;

	for (i = 0; i < WINDOW; i++)
		g_window[i - 1] = g_window[i]; /* BH-EXPECT: c.buffer-underwrite */
	g_window[WINDOW - 1] = sample;
}

int window_oldest(void)
{
	return g_window[0];
}
