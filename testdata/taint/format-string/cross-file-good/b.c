/* b.c: formats what a.c received (c.format-string, cross-file, good). */
#include <stdio.h>
#include <stdlib.h>
#include "shared.h"

int main(void)
{
	char buf[256];
	char *out = malloc(1024);
	const char *text = receive_message(0, buf, sizeof buf);

	if (out == NULL || text == NULL) {
		free(out);
		return 1;
	}
	snprintf(out, 1024, "%s", text);
	puts(out);
	free(out);
	return 0;
}
