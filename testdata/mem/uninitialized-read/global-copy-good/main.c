/* c.uninitialized-read, global-copy, good: the unset limit is copied into
 * the global, but the worker sets the global before it reads it; copying
 * is no read. */
static int retry_limit;

void log_retries(int n);

static void worker(void)
{
	int limit = retry_limit;

	limit = 3;
	retry_limit = limit;
	log_retries(retry_limit);
}

void start(int configured, int value)
{
	int limit;

	if (configured)
		limit = value;
	retry_limit = limit;
	worker();
}
