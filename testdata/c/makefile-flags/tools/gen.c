#include <string.h>

void gen_tag(char *out)
{
	char tag[4];
#ifdef TOOL_BUILD
	// Reported: tools/Makefile defines TOOL_BUILD.
	strcpy(tag, "generated");
#endif
#ifdef USE_AUDIT
	// Not analysed: the nearest Makefile (tools/) wins.
	strcpy(tag, "audit-tag");
#endif
	memcpy(out, tag, sizeof(tag));
}
