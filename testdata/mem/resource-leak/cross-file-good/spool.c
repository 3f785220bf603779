/* spool.c: opens the spool directory; the caller owns the DIR*. */
#include <dirent.h>
#include "spool.h"

DIR *spool_open(void)
{
	return opendir("/var/spool/mail");
}
