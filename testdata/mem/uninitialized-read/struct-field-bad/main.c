/* c.uninitialized-read, struct-field, bad: the endpoint's port is only set
 * for secure connections, and read for all of them. */
struct endpoint {
	const char *host;
	int port;
};

int endpoint_port(const char *spec, int secure)
{
	struct endpoint ep;

	ep.host = spec;
	if (secure)
		ep.port = 443;
	return ep.port; /* BH-EXPECT: c.uninitialized-read */
}
