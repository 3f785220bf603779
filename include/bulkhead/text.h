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

/**
 * Decode the body of a narrow C string literal: one or more quoted pieces
 * (`"ab" "c"`) separated by blanks, with C's escapes (\n, \x41, \101,
 * \u00e9 written as UTF-8, GNU \e). No prefix: strip `u8` first.
 * `out` must hold at least strlen(s) + 1 bytes (decoding never grows the
 * text) and is NUL-terminated; it may hold other NULs (`"a\0b"`).
 * @return the decoded length, or -1 when `s` is not such a literal
 * (unknown escape, unterminated piece, text between the pieces).
 */
long bh_c_string_decode(char *out, const char *s);

#endif
