#include <stdio.h>
#include <cfg.h>

int main(void)
{
	char name[NAME_LEN];
#if defined(FOO) && defined(HARDENED)
	// Reported: the RUN line defines FOO and its $CFLAGS HARDENED.
	gets(name);
#endif
	return name[0];
}
