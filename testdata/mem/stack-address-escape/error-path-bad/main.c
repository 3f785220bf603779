/* c.stack-address-escape, error-path, bad: on a bad status line the
 * function returns its local diagnostic buffer. */
#include <stdio.h>
#include <string.h>

const char *check_status(const char *line, int *code)
{
	char diag[96];
	const char *res = NULL;

	if (strncmp(line, "HTTP/1.", 7) != 0)
		goto bad;
	if (sscanf(line + 7, "%*1d %3d", code) != 1)
		goto bad;
	return NULL;
bad:
	snprintf(diag, sizeof diag, "malformed status line '%.40s'", line);
	res = diag;
	return res; /* BH-EXPECT: c.stack-address-escape */
}
