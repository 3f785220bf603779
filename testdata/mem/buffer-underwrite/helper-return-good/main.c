/* c.buffer-underwrite, helper-return, good: the "not configured" level
 * is checked before it is used as an index. */
#define LEVELS 4

static unsigned char g_enabled[LEVELS];

static int default_level(void)
{
	return -1;
}

void logging_init(void)
{
	int lvl = default_level();

	if (lvl >= 0 && lvl < LEVELS)
		g_enabled[lvl] = 1;
}

int logging_enabled(int lvl)
{
	return lvl >= 0 && lvl < LEVELS && g_enabled[lvl];
}
