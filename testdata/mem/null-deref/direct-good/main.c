/* c.null-deref, direct, good: a missing virtual host is reported before
 * the port is read. */
#include <stddef.h>
#include <string.h>

struct vhost {
	const char *name;
	int port;
};

static const struct vhost vhosts[] = {
	{ "example.org", 8080 },
	{ "example.net", 8081 },
};

int vhost_port(const char *host)
{
	const struct vhost *vh = NULL;
	size_t i;

	for (i = 0; i < sizeof vhosts / sizeof vhosts[0]; i++)
		if (strcmp(vhosts[i].name, host) == 0)
			vh = &vhosts[i];
	if (vh == NULL)
		return -1;
	return vh->port;
}
