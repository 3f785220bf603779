/* c.null-deref, direct, bad: 'vh' stays NULL when no virtual host matches,
 * and its port is read anyway. */
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
	return vh->port; /* BH-EXPECT: c.null-deref */
}
