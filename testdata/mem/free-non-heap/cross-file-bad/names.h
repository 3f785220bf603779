/* names.h: owned name strings (names.c). */
#ifndef NAMES_H
#define NAMES_H

char *name_copy(const char *s);
void name_free(char *s);

#endif
