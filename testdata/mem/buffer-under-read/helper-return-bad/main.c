/* c.buffer-under-read, helper-return, bad: configured_level() returns -1
 * ("not set") and the caller looks the name up without a check. */
static const char *const level_names[4] = { "debug", "info", "warn", "error" };

static int configured_level(void)
{
	return -1;
}

const char *current_level_name(void)
{
	int lvl = configured_level();

	return level_names[lvl]; /* BH-EXPECT: c.buffer-under-read */
}
