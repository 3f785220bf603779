/* c.buffer-underwrite, helper-return, bad: default_level() returns -1
 * ("not configured") and the caller uses it as an index unchecked. */
#define LEVELS 4

static unsigned char g_enabled[LEVELS];

static int default_level(void)
{
	return -1;
}

void logging_init(void)
{
	int lvl = default_level();

	g_enabled[lvl] = 1; /* BH-EXPECT: c.buffer-underwrite */
}

int logging_enabled(int lvl)
{
	return lvl >= 0 && lvl < LEVELS && g_enabled[lvl];
}
