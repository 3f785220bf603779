// SPDX-License-Identifier: MIT
// The encoder and decoder of ir_serial.c as packed IR uses them (ir_pack.c):
// each function's body on its own, the strings of a whole unit in one table.
#ifndef BULKHEAD_IR_SERIAL_INTERNAL_H
#define BULKHEAD_IR_SERIAL_INTERNAL_H

#include "bulkhead/ir_serial.h"

/** Encodes the bodies of one unit's functions, with one table of their strings. */
typedef struct bh_ir__packer bh_ir__packer;

bh_ir__packer *bh_ir__packer_new(void);
void bh_ir__packer_free(bh_ir__packer *p);

/** Append the body of `fn` (variables, blocks); returns the offset it starts at. */
size_t bh_ir__packer_add(bh_ir__packer *p, const bh_ir_func *fn);

/** The id of `s` in the table (added if new); UINT32_MAX for NULL. */
uint32_t bh_ir__packer_intern(bh_ir__packer *p, const char *s);

/** The bytes written so far. */
const unsigned char *bh_ir__packer_bytes(const bh_ir__packer *p, size_t *len);

/** The table: string id -> the IR's own string (copy them before the IR goes). */
const char *const *bh_ir__packer_strings(const bh_ir__packer *p, size_t *n);

/**
 * Bytes a decoded body of `fn` takes: what bh_ir__unpack_body carves from
 * its block.
 */
size_t bh_ir__body_size(const bh_ir_func *fn);

/**
 * Decode a body bh_ir__packer_add wrote into `fn`, whose head (counts) is
 * set: its arrays are carved from `mem` (`size` bytes, bh_ir__body_size),
 * its strings are `strings[id]`. false when the bytes do not fit.
 */
bool bh_ir__unpack_body(bh_ir_func *fn, const unsigned char *data, size_t len, const char *const *strings,
			size_t nstrings, void *mem, size_t size);

#endif
