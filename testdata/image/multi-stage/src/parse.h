#include <string.h>

static inline void copy_field(char *out, const char *in)
{
	char field[8];
	strcpy(field, in);
	strcpy(out, field);
}
