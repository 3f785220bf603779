/* c.stack-address-escape, error-path, good: the diagnostic is written into
 * a static buffer before it is returned. */
#include <stdio.h>
#include <string.h>

const char *check_status(const char *line, int *code)
{
	static char diag[96];
	const char *res = NULL;

	if (strncmp(line, "HTTP/1.", 7) != 0)
		goto bad;
	if (sscanf(line + 7, "%*1d %3d", code) != 1)
		goto bad;
	return NULL;
bad:
	snprintf(diag, sizeof diag, "malformed status line '%.40s'", line);
	res = diag;
	return res;
}
