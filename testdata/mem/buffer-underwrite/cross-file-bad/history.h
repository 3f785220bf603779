/* history.h: ring helpers of this fixture (history.c). */
#ifndef HISTORY_H
#define HISTORY_H

#define HISTORY_LEN 8

void history_set(int *ring, int pos, int value);

#endif
