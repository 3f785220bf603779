/* SPDX-License-Identifier: MIT */
/*
 * Byte-level text helpers shared by the parsers that decode escapes
 * (C string literals, Dockerfile JSON arrays, encoded secrets).
 */
#ifndef BULKHEAD_TEXT_H
#define BULKHEAD_TEXT_H

#include "common.h"

/** Value of the hexadecimal digit `c` (0-15), or -1 if it is not one. */
int bh_hex_digit(char c);

/**
 * Write code point `cp` as UTF-8 into `out` (room for 4 bytes) and return
 * the number of bytes written. Values past U+10FFFF become U+FFFD.
 */
size_t bh_utf8_encode(char *out, uint32_t cp);

#endif
