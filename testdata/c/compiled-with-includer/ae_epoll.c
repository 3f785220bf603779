/* Compiled as part of ae.c on Linux: its findings are reported here. */
#include <string.h>

static void backend_name(char *out)
{
	char line[8];
	if (!gets(line)) /* analysed through ae.c */
		line[0] = '\0';
	strcpy(out, "epoll");
}
