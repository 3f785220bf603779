/* suffix.h: file name helpers of this fixture (suffix.c). */
#ifndef SUFFIX_H
#define SUFFIX_H

/* Whether the four bytes at ext are ".tar". */
int is_tar_suffix(const char *ext);

#endif
