#include <stdio.h>
#include <string.h>
#include "audit.h"

int main(void)
{
	char line[AUDIT_LINE];
#ifdef USE_AUDIT
	// Reported: the Makefile's CFLAGS define USE_AUDIT.
	if (gets(line) == NULL)
		return 1;
#else
	// Not analysed: USE_AUDIT is defined.
	strcpy(line, "a message far too long for the line buffer");
#endif
#ifdef TRACE
	// Not analysed: TRACE is only set inside a make conditional.
	gets(line);
#endif
	return line[0] == 'q';
}
