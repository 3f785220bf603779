/* c.buffer-overflow, const-if, bad: STATIC_CONST_FIVE is 5, so the -1
 * sentinel is stored in slot 8 of the eight-entry global table. */
static const int STATIC_CONST_FIVE = 5;

static int g_retry_delay_ms[8];

void retry_init(void)
{
	int i;

	for (i = 0; i < 8; i++)
		g_retry_delay_ms[i] = 100 << i;
	if (STATIC_CONST_FIVE == 5)
		g_retry_delay_ms[8] = -1; /* BH-EXPECT: c.buffer-overflow */
}

int retry_delay(int attempt)
{
	return attempt >= 0 && attempt < 8 ? g_retry_delay_ms[attempt] : -1;
}
