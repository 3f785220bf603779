/* SPDX-License-Identifier: MIT */
/*
 * Packed IR: a whole program's functions kept encoded (ir_serial.c's
 * form, about a seventh of the decoded size) and decoded one function at a
 * time when an analysis asks for it (bh_ir_func_acquire), so that peak
 * memory follows what the analyses hold at once, not the program's size.
 *
 * A packed function keeps its head (name, USR, place, counts, digest) and
 * its strings for the whole run: summaries and findings point at them. Its
 * body (variables, blocks, instructions) is decoded into one block of
 * memory on acquire and kept, after the last release, while the decoded
 * bodies nobody holds fit in the store's budget; beyond it the least
 * recently released go first.
 */
#ifndef BULKHEAD_IR_PACK_H
#define BULKHEAD_IR_PACK_H

#include "ir.h"

typedef struct bh_ir_store bh_ir_store;

/**
 * A store that keeps at most `budget` bytes of decoded bodies no one holds
 * (0: drop each body at its last release, as tests do to find a reader
 * that does not acquire; BH_IR_BUDGET_AUTO: twice the decoded size of the
 * largest unit packed, so that memory follows the largest unit, not the
 * number of units).
 */
#define BH_IR_BUDGET_AUTO SIZE_MAX
bh_ir_store *bh_ir_store_new(size_t budget);
void bh_ir_store_free(bh_ir_store *s);

/**
 * Keep the encoded bodies of units packed from now on in a file made (and
 * at once unlinked) in directory `dir`, not in memory: they are read back
 * on decode, so that what stays in memory per function is its head.
 * False when no file could be made there; the bytes then stay in memory.
 */
bool bh_ir_store_spill(bh_ir_store *s, const char *dir);

/**
 * Pack `unit`, whose IR may live anywhere, into `arena`: afterwards the
 * unit and its functions' heads, tables, initialised globals and strings
 * are in `arena` (the IR's old memory may go) and the bodies are decoded
 * by `s` on demand.
 */
void bh_ir_unit_pack(bh_ir_unit *unit, bh_arena *arena, bh_ir_store *s);

/** What a store did, for the trace and the benchmark. */
typedef struct {
	size_t packed_bytes;   /* encoded bodies */
	size_t spilled_bytes;  /* ... of them in the spill file */
	size_t body_bytes;     /* the same bodies decoded, all of them */
	size_t decodes;        /* bodies decoded, counting each decode again */
	size_t peak_decoded;   /* most bytes of decoded bodies at once */
} bh_ir_store_stats;

void bh_ir_store_get_stats(bh_ir_store *s, bh_ir_store_stats *out);

/**
 * The cross-unit facts bh_ir_program_link found, for `s` to apply to every
 * body it decodes from now on (borrowed: it lives as long as the program).
 */
void bh_ir_store_set_link(bh_ir_store *s, const struct bh_ir_link *link);

/** Apply linked facts to the variables of `fn` (ir_link.c). */
void bh_ir_link_apply(const struct bh_ir_link *link, bh_ir_func *fn);
void bh_ir_link_free(struct bh_ir_link *link);

#endif
