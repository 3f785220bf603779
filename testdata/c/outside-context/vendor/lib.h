/* A vendored header. When the context is app/ alone this file is outside
 * it, and its finding is not reported (tests/unit/clang_test.c checks
 * that); with the whole case as the context, it is. */
#include <string.h>

static inline void lib_copy(char (*dst)[8], const char *src)
{
	strcpy(*dst, src);
}
