/* c.uninitialized-read, pass-through, good: the port goes through
 * normalise_port() unset, but is replaced before it is used. */
static int normalise_port(int port)
{
	return port;
}

int listen_port(int configured)
{
	int port;

	port = normalise_port(port);
	port = configured > 0 ? configured : 8080;
	return port + 1;
}
