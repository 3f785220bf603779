/* c.uninitialized-read, global-copy, bad: without a configured limit the
 * retry limit stays unset, is handed to the worker through a global, and
 * the worker reads it. */
static int retry_limit;

void log_retries(int n);

static void worker(void)
{
	int limit = retry_limit;

	log_retries(limit); /* BH-EXPECT: c.uninitialized-read */
}

void start(int configured, int value)
{
	int limit;

	if (configured)
		limit = value;
	retry_limit = limit;
	worker();
}
