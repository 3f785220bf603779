/* The event loop picks its backend at compile time: each backend is a .c
 * file compiled as part of this one, never alone. */
#include <stdio.h>

#ifdef __linux__
#include "ae_epoll.c"
#else
#include "ae_kqueue.c"
#endif

int main(void)
{
	char name[16];
	backend_name(name);
	puts(name);
	return 0;
}
