// SPDX-License-Identifier: MIT
// Which function's definition holds a place (bh_ir_func_holds), for the
// program's whole call graph: what lets an analysis' traces write a place
// relative to the function that holds it, so that a trace whose functions
// only moved in their files replays with its places moved
// (dataflow/reuse_internal.h).
#ifndef BH_PLACES_H
#define BH_PLACES_H

#include "bulkhead/callgraph.h"

typedef struct bh_places bh_places;

/** The definitions of `g`'s functions, by file. */
bh_places *bh_places_new(const bh_callgraph *g);

/**
 * The node whose function holds `l` (the innermost definition when
 * several do: functions a macro wrote on one line), or SIZE_MAX.
 */
size_t bh_places_holder(const bh_places *p, const bh_loc *l);

void bh_places_free(bh_places *p);

#endif
