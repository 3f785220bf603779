/* c.buffer-under-read, helper-return, good: an unset level falls back to
 * "info" before the lookup. */
static const char *const level_names[4] = { "debug", "info", "warn", "error" };

static int configured_level(void)
{
	return -1;
}

const char *current_level_name(void)
{
	int lvl = configured_level();

	if (lvl < 0 || lvl > 3)
		lvl = 1;
	return level_names[lvl];
}
