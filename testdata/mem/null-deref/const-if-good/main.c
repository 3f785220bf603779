/* c.null-deref, const-if, good: the TLS context is only written under
 * HAVE_TLS, which is 0 here: the write is on an infeasible branch. */
#include <stddef.h>

struct tls_ctx {
	int fd;
	int verify;
};

static const int HAVE_TLS = 0;
static struct tls_ctx server_tls;

int listener_setup(int fd)
{
	struct tls_ctx *tls = NULL;

	if (HAVE_TLS)
		tls = &server_tls;
	if (HAVE_TLS)
		tls->fd = fd;
	return fd;
}
