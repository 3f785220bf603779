/* c.null-deref, out pointer, good: the pointers start NULL, and the
 * library sets them through their addresses: strtol's end pointer, the
 * buffer of open_memstream(), getaddrinfo's list. */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long parse(const char *s)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);
	if (*end != '\0')
		return -1;
	return v;
}

int dump(FILE *f, int n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return -1;
	fprintf(m, "%d\n", n);
	if (fclose(m) == 0)
		fwrite(buf, 1, len, f);
	free(buf);
	return 0;
}

int family_of(const char *host)
{
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof hints);
	if (getaddrinfo(host, "80", &hints, &res) != 0)
		return -1;
	int family = res->ai_family;
	freeaddrinfo(res);
	return family;
}
