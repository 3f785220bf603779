/* c.uninitialized-read, struct-field, good: the port gets a value on both
 * branches. */
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
	else
		ep.port = 80;
	return ep.port;
}
