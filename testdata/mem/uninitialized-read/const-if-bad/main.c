/* c.uninitialized-read, const-if, bad: USE_CACHE is 0, so the cached TTL
 * is never fetched, yet it is added to the timeout. */
static const int USE_CACHE = 0;

int cache_ttl(void);

int request_timeout(int base)
{
	int ttl;

	if (USE_CACHE)
		ttl = cache_ttl();
	return base + ttl; /* BH-EXPECT: c.uninitialized-read */
}
