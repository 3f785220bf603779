/* c.uninitialized-read, init-list, bad: the defaults come from an
 * initialiser list, but the endpoint copied from them is filled field by
 * field and its port only for secure connections. */
struct endpoint {
	const char *host;
	int port;
	int timeout;
};

int endpoint_port(const char *spec, int secure)
{
	struct endpoint defaults = { .host = spec, .timeout = 30 };
	struct endpoint ep;

	ep.host = defaults.host;
	ep.timeout = defaults.timeout;
	if (secure)
		ep.port = 443;
	return ep.port + ep.timeout; /* BH-EXPECT: c.uninitialized-read */
}
