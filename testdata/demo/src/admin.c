#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Planted: a hard-coded credential compiled into the binary (CWE-798). */
static const char *admin_api_key = "sk_live_51DemoOnlyNotARealKey0000000000000000000";

int admin_authorized(const char *key)
{
	return key && strcmp(key, admin_api_key) == 0;
}

/* Planted: the host name comes from the request and reaches a shell (CWE-78). */
int admin_ping(const char *host)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
	return system(cmd);
}

/* Planted: a predictable temporary file (CWE-377). */
int admin_dump(const char *text)
{
	char name[L_tmpnam];
	if (!tmpnam(name))
		return -1;
	FILE *f = fopen(name, "w");
	if (!f)
		return -1;
	fputs(text, f);
	fclose(f);
	return 0;
}

/* Planted: reads an operator command with gets() (CWE-242). */
int admin_console(void)
{
	char line[64];
	gets(line);
	char mode[4];
	/* Planted: the literal does not fit in mode[] (CWE-121). */
	strcpy(mode, "read-write");
	return line[0] == 'q' && mode[0] == 'r';
}
