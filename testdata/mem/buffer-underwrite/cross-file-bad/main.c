/* main.c: c.buffer-underwrite, cross-file, bad: the "previous" slot of
 * head 0 is computed as head - 1 without wrapping, and history_set()
 * (history.c) stores at index -1. */
#include "history.h"

int record_previous(int value)
{
	int ring[HISTORY_LEN] = { 0 };
	int head = 0;

	history_set(ring, head - 1, value);
	return ring[HISTORY_LEN - 1];
}
