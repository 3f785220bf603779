// SPDX-License-Identifier: MIT
// Indirect calls resolved across the program (fnptr.c), for the call graph.
#ifndef BULKHEAD_DATAFLOW_FNPTR_INTERNAL_H
#define BULKHEAD_DATAFLOW_FNPTR_INTERNAL_H

#include "bulkhead/callgraph.h"

/**
 * Resolve every indirect call of the graph's functions (needs its nodes,
 * not its edges): begin, scan each node in order (its body acquired by
 * the caller, who walks it anyway), finish.
 */
typedef struct bh_fnptr__resolver bh_fnptr__resolver;
bh_fnptr__resolver *bh_fnptr__begin(const bh_callgraph *g);
void bh_fnptr__scan(bh_fnptr__resolver *r, size_t node);
bh_fnptr *bh_fnptr__finish(bh_fnptr__resolver *r);

/**
 * The resolved calls in the order their callers were scanned (node, then
 * instruction): entry k's caller node and targets, and how many.
 */
size_t bh_fnptr__count(const bh_fnptr *t);
size_t bh_fnptr__entry(const bh_fnptr *t, size_t k, size_t *caller, const size_t **targets);

/** The nodes `call` may reach (see bh_callgraph_indirect). */
size_t bh_fnptr__targets(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call, const size_t **out);

/** The parameter `call` calls through (see bh_callgraph_indirect_via). */
bh_callgraph_via bh_fnptr__via(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call);

void bh_fnptr__free(bh_fnptr *t);

#endif
