/* main.c: c.buffer-underwrite, cross-file, good: the previous slot wraps
 * around to the end of the ring before history_set() (history.c) stores. */
#include "history.h"

int record_previous(int value)
{
	int ring[HISTORY_LEN] = { 0 };
	int head = 0;

	history_set(ring, (head + HISTORY_LEN - 1) % HISTORY_LEN, value);
	return ring[HISTORY_LEN - 1];
}
