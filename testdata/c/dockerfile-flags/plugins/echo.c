#include <string.h>

void echo_init(char *out)
{
	char mode[4];
#ifdef WITH_PLUGINS
	// Reported: `$CC -DWITH_PLUGINS -c *.c` compiles this file.
	strcpy(mode, "verbose");
#endif
	memcpy(out, mode, sizeof(mode));
}
