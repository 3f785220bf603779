// SPDX-License-Identifier: MIT
// Indirect calls resolved across the program (fnptr.c), for the call graph.
#ifndef BULKHEAD_DATAFLOW_FNPTR_INTERNAL_H
#define BULKHEAD_DATAFLOW_FNPTR_INTERNAL_H

#include "bulkhead/callgraph.h"

/** Resolve every indirect call of the graph's functions (needs its nodes, not its edges). */
bh_fnptr *bh_fnptr__resolve(const bh_callgraph *g);

/** The nodes `call` may reach (see bh_callgraph_indirect). */
size_t bh_fnptr__targets(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call, const size_t **out);

/** The parameter `call` calls through (see bh_callgraph_indirect_via). */
bh_callgraph_via bh_fnptr__via(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call);

void bh_fnptr__free(bh_fnptr *t);

#endif
