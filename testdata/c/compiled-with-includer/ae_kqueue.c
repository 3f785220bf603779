/* The BSD backend: not compiled on Linux, and no translation unit of its
 * own (parsed alone it would fail on <sys/event.h>). */
#include <sys/event.h>

static void backend_name(char *out)
{
	struct kevent ev;
	(void)ev;
	gets(out);
}
