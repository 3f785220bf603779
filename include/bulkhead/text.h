/* SPDX-License-Identifier: MIT */
/*
 * Byte-level text helpers shared by the parsers that decode escapes
 * (C string literals, Dockerfile JSON arrays, encoded secrets) and by the
 * JSON writers (UTF-8 checks).
 */
#ifndef BULKHEAD_TEXT_H
#define BULKHEAD_TEXT_H

#include "common.h"

/** True if `s` ends with `suffix` (byte for byte). */
bool bh_str_ends_with(const char *s, const char *suffix);

/** qsort/bsearch comparison of two `const char *` elements, by strcmp. */
int bh_str_compare_ptrs(const void *a, const void *b);

/** Value of the hexadecimal digit `c` (0-15), or -1 if it is not one. */
int bh_hex_digit(char c);

/**
 * Write code point `cp` as UTF-8 into `out` (room for 4 bytes) and return
 * the number of bytes written. Values past U+10FFFF become U+FFFD.
 */
size_t bh_utf8_encode(char *out, uint32_t cp);

/**
 * Decode one UTF-8 sequence at `s` (at most `n` bytes). Sets `*len` to the
 * bytes consumed (at least 1 when n > 0) and returns the code point, or -1
 * for an invalid, overlong, surrogate or truncated sequence; `*len` is then 1.
 */
int32_t bh_utf8_next(const unsigned char *s, size_t n, size_t *len);

/**
 * `n` bytes of `s` as valid UTF-8 (JSON writers need it): NULL when they
 * already are, else a heap copy (caller frees) in which each invalid byte
 * is U+FFFD. `*out_len` gets the length of the valid text either way.
 */
char *bh_utf8_repair(const char *s, size_t n, size_t *out_len);

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
