/* c.null-deref, const-if, bad: HAVE_TLS is 0, so the TLS context stays NULL
 * and its descriptor field is written. */
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
	tls->fd = fd; /* BH-EXPECT: c.null-deref */
	return fd;
}
