/* c.uninitialized-read, const-if, good: USE_CACHE is 1, so the branch that
 * fetches the TTL always runs. */
static const int USE_CACHE = 1;

int cache_ttl(void);

int request_timeout(int base)
{
	int ttl;

	if (USE_CACHE)
		ttl = cache_ttl();
	return base + ttl;
}
