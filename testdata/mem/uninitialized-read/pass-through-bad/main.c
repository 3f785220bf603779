/* c.uninitialized-read, pass-through, bad: normalise_port() gives back
 * the value it gets; the port is unset when nothing was configured. */
static int normalise_port(int port)
{
	return port;
}

int listen_port(int configured)
{
	int port;

	if (configured > 0)
		port = configured;
	port = normalise_port(port);
	return port + 1; /* BH-EXPECT: c.uninitialized-read */
}
