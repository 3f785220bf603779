/* c.uninitialized-read, init-list, good: an initialiser list zero-fills
 * the members it does not name, so the port is 0 unless set. */
struct endpoint {
	const char *host;
	int port;
	int timeout;
};

int endpoint_port(const char *spec, int secure)
{
	struct endpoint ep = { .host = spec, .timeout = 30 };
	int ports[4] = { 80 };

	if (secure)
		ep.port = 443;
	return ep.port + ep.timeout + ports[secure ? 3 : 0];
}
