/* buf.c: the scratch buffer. */
#include "buf.h"

char scratch[4096];
