// SPDX-License-Identifier: MIT
// The analyses' side of bh_reuse (include/bulkhead/reuse.h). An analysis
// that reuses its work:
//   - calls bh_reuse__begin once it has its call graph;
//   - for each component, asks bh_reuse__find for a stored trace that
//     still holds; if there is one, rebuilds the members' summaries and
//     replays the rest from bh_reuse__outputs and calls bh_reuse__replayed;
//   - else calls bh_reuse__start, analyses (noting each read of another
//     node's summary with bh_reuse__note_summary, of a function's IR with
//     bh_reuse__note_node, of its own state with bh_reuse__note_other),
//     sets each member's summary digest (bh_reuse__set_summary) and hands
//     what it made to bh_reuse__finish.
// A NULL bh_reuse makes every call a no-op (and find returns NULL).
#ifndef BH_REUSE_INTERNAL_H
#define BH_REUSE_INTERNAL_H

#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/reuse.h"
#include "bulkhead/wire.h"

typedef struct bh_reuse__trace bh_reuse__trace;

/** What a read of the analysis' own state is, for bh_reuse__find's callback. */
typedef bool (*bh_reuse__other_holds)(void *payload, const char *key, const unsigned char *digest);

/**
 * Functions are checked by digests that ignore where they are in their
 * files (bh_callgraph_ids); so the analysis writes every place its
 * outputs hold through bh_reuse__put_loc (or bh_reuse__holder), relative
 * to the function that holds it: a trace whose functions only moved
 * replays, its places where the functions are now.
 */
void bh_reuse__begin(bh_reuse *r, const bh_callgraph *g, const bh_callgraph_ids *ids);

/**
 * The stored trace of the component `nodes` (callgraph order) in `round`
 * whose members and reads all still hold, or NULL. `other` judges reads
 * of the analysis' own state (NULL: such a read never holds).
 */
const bh_reuse__trace *bh_reuse__find(bh_reuse *r, const size_t *nodes, size_t n, unsigned round,
				      bh_reuse__other_holds other, void *payload);
/** What the trace's run made (the analysis' own encoding). */
const void *bh_reuse__outputs(const bh_reuse__trace *t, size_t *len);
/** The component was replayed from `t`: its members' summaries have the trace's digests. */
void bh_reuse__replayed(bh_reuse *r, const bh_reuse__trace *t, const size_t *nodes, unsigned round);

void bh_reuse__start(bh_reuse *r, const size_t *nodes, size_t n, unsigned round);
/** A read of node `node`'s summary as it is now (none yet: no digest). */
void bh_reuse__note_summary(bh_reuse *r, size_t node);
/** A read of node `node`'s IR and graph facts (an analysis of it in a caller's context). */
void bh_reuse__note_node(bh_reuse *r, size_t node);
/** A read of the analysis' own state `key`, whose value now has `digest`. */
void bh_reuse__note_other(bh_reuse *r, const char *key, const unsigned char digest[BH_SHA256_LEN]);
/** Node `node`'s summary now has the digest of `bytes` (its encoding); NULL bytes: none. */
void bh_reuse__set_summary(bh_reuse *r, size_t node, const void *bytes, size_t len);
/** The component's run is over; `outputs` (taken over) is what it made. */
void bh_reuse__finish(bh_reuse *r, bh_bytes *outputs);

/**
 * Members' summaries at the start of a component's outputs: their number,
 * then per member whether it has one and its encoding. put_member writes
 * one (`s` NULL: none) and sets the node's summary digest; `encode`
 * writes the analysis' encoding of summary `s` to `b`.
 */
void bh_reuse__put_member(bh_reuse *r, bh_bytes *out, size_t node, const void *s,
			  void (*encode)(bh_bytes *b, const void *s, const void *payload), const void *payload);
/**
 * Read the members' summaries into `sums` (n of them): each encoding goes
 * to `decode(payload, i, bytes, len)`, which gives the summary of member
 * i or NULL when malformed. false when anything is malformed.
 */
bool bh_reuse__get_members(bh_wire_reader *rd, size_t n, void **sums,
			   void *(*decode)(void *payload, size_t i, const void *bytes, size_t len), void *payload);

/**
 * Findings from `from` on and diagnostics from `dfrom` on, as outputs
 * hold them (dataflow/reuse_results.c: their places, and the line numbers
 * their messages quote, through bh_reuse__put_loc).
 */
void bh_reuse__put_results(bh_reuse *r, bh_bytes *out, const bh_findings *f, size_t from, const bh_diags *d,
			   size_t dfrom);
/** Read them (appended to `f` and `d`); false when malformed. */
bool bh_reuse__get_results(const bh_reuse *r, bh_wire_reader *rd, bh_findings *f, bh_diags *d);
/** One finding, the same way. */
void bh_reuse__put_finding(bh_reuse *r, bh_bytes *out, const bh_finding *f);
bool bh_reuse__get_finding(const bh_reuse *r, bh_wire_reader *rd, bh_findings *out);

/* Outputs of the common shape: the members' summaries, then the findings
 * and notes the component added (the initialisation and call checks). */
typedef struct {
	size_t findings, diags; // where the lists stood when the component began
} bh_reuse__mark;

/** Begin recording component `nodes`: `m` notes where `out` and `diags` stand. */
void bh_reuse__start_common(bh_reuse *r, const size_t *nodes, size_t n, const bh_findings *out,
			    const bh_diags *diags, bh_reuse__mark *m);
/** Finish it: summaries `sums[nodes[i]]` (encoded by `encode`), what `out` and `diags` gained since `m`. */
void bh_reuse__finish_common(bh_reuse *r, const size_t *nodes, size_t n, void *const *sums,
			     void (*encode)(bh_bytes *b, const void *s, const void *payload), const void *payload,
			     const bh_findings *out, const bh_diags *diags, const bh_reuse__mark *m);
/**
 * Replay trace `t` of the common shape: the members' summaries to `sums`
 * (decoded by `decode`), findings appended to `out`, notes to `diags`;
 * false, and nothing appended, when anything is malformed.
 */
bool bh_reuse__replay_common(const bh_reuse *r, const bh_reuse__trace *t, size_t n, void **sums,
			     void *(*decode)(void *payload, size_t i, const void *bytes, size_t len), void *payload,
			     bh_arena *arena, bh_findings *out, bh_diags *diags);

/*
 * Yes/no reads of an analysis' own state. note_flag notes that `key` is
 * `yes` now and returns it; flag_holds says whether a noted digest is
 * `now`. note_reported is the read "is a finding of `rule` at `at` with
 * `snippet` (NULL: any) in `out` already?" (analyses that report a place
 * once, whoever comes first; the first answer in a component is its read,
 * later ones may be its own findings'); reported_holds answers it for a
 * key of that kind, through an index of `out` kept in `r` (`out` only
 * grows), and false when `key` is of another kind (`*is_reported`).
 */
bool bh_reuse__note_flag(bh_reuse *r, const char *key, bool yes);
bool bh_reuse__flag_holds(const unsigned char *digest, bool now);
bool bh_reuse__note_reported(bh_reuse *r, const bh_findings *out, const bh_rule *rule, const bh_loc *at,
			     const char *snippet);
bool bh_reuse__reported_holds(bh_reuse *r, const bh_findings *out, const char *key, const unsigned char *digest,
			      bool *is_reported);

/*
 * Rounds (an analysis that runs its components again while the program's
 * state grows): new_round forgets the summary digests of `nodes`, the part
 * of the graph starting a round (bh_callgraph_parts; a summary not made in
 * this round yet reads as none); `bh_reuse__last` names the trace this
 * run made or replayed last (0: none), and `again` says that trace holds in
 * `round` too (the component was replayed from this run's own earlier
 * round) and gives its members their digests back.
 */
void bh_reuse__new_round(bh_reuse *r, const size_t *nodes, size_t n);
size_t bh_reuse__last(const bh_reuse *r);
void bh_reuse__again(bh_reuse *r, size_t trace, unsigned round);
/** The stored trace that this run's trace `trace` replayed, or NULL. */
const bh_reuse__trace *bh_reuse__made_from(const bh_reuse *r, size_t trace);

/*
 * Places. put_loc writes `l` as the name of the function that
 * holds it (bh_ir_func_holds) and its lines from that function's first,
 * or as it is when no function holds it; get_loc reads it back where that
 * function is now (the path copied into `arena`), and fails the reader
 * when there is no such function. For encoders with strings of their own:
 * `holder` is the name of the function holding `l` (NULL: none) and sets
 * its relative lines (end_line 0: none); `held` sets `l`'s path and lines
 * from them (the path is the IR's), false when no such function is.
 */
void bh_reuse__put_loc(const bh_reuse *r, bh_bytes *b, const bh_loc *l);
bh_loc bh_reuse__get_loc(const bh_reuse *r, bh_wire_reader *rd, bh_arena *arena);
const char *bh_reuse__holder(const bh_reuse *r, const bh_loc *l, uint32_t *line, uint32_t *end_line);
bool bh_reuse__held(const bh_reuse *r, const char *holder, uint64_t line, uint64_t end_line, bh_loc *l);
/**
 * The component being recorded wrote something that depends on where
 * functions are in a way its places do not say (a line number in a
 * message it could not tie to a place): it reads where every function is,
 * and holds only while none moved.
 */
void bh_reuse__note_places(bh_reuse *r);

/** The node named `name` (bh_callgraph_ids) in this run, or SIZE_MAX. */
size_t bh_reuse__node_named(const bh_reuse *r, const char *name);

/** Make this run's traces unsaveable (its results do not stand for a run without reuse). */
void bh_reuse__invalidate(bh_reuse *r);

#endif
