// SPDX-License-Identifier: MIT
// bh_reuse: traces of an analysis' components across scans
// (include/bulkhead/reuse.h, dataflow/reuse_internal.h). Saved as:
//
//   "BHRU" version analysis ntraces
//   per trace: rounds (bit r: valid in round r), nmembers,
//              per member: name, node digest, summary digest (32 bytes each),
//              nreads, per read: kind, key, digest,
//              outputs (a blob in the analysis' own encoding)
//
// in the wire format (include/bulkhead/wire.h). Loading checks every
// length; a trace refers into the loaded copy of the bytes.
//
// Functions are checked by digests that do not change when a function
// only moves in its file (bh_callgraph_ids), and the analyses write the
// places in their outputs relative to the functions holding them
// (bh_reuse__put_loc): a trace whose functions only moved replays, its
// places where the functions are now. A trace that wrote something that
// depends on where functions are otherwise reads where every function is
// (READ_PLACES).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/hash.h"
#include "bulkhead/rule.h"
#include "bulkhead/strset.h"
#include "bulkhead/sha256.h"
#include "dataflow/places.h"
#include "dataflow/reuse_internal.h"

#define MAGIC "BHRU"
#define VERSION 2
#define DIGEST BH_SHA256_LEN

enum { READ_SUMMARY, READ_NODE, READ_OTHER, READ_PLACES, READ_KINDS };

typedef struct {
	unsigned kind;
	const char *key;
	unsigned char digest[DIGEST];
} read_rec;

struct bh_reuse__trace {
	uint64_t rounds;
	size_t nmembers;
	const char **names;
	const unsigned char (*node_digests)[DIGEST];
	const unsigned char (*sum_digests)[DIGEST];
	size_t nreads;
	read_rec *reads;
	const void *out;
	size_t outlen;
	size_t next; // the next stored trace with the same first member, + 1
	// Its bytes after `rounds`: a replayed trace is saved as it was read.
	const unsigned char *body;
	size_t bodylen;
};

// A trace of this run: members by node; outputs owned, or a stored one's.
typedef struct {
	uint64_t rounds;
	size_t *nodes, nmembers;
	unsigned char (*sum_digests)[DIGEST];
	BH_VEC(read_rec) reads;
	bh_bytes own;
	const bh_reuse__trace *from; // replayed: its reads and outputs
} new_trace;

// The reads of the trace being recorded, by kind and key (1 + index).
typedef struct {
	size_t *slots;
	size_t cap, len;
} read_index;

struct bh_reuse {
	char *analysis;
	bh_arena *arena;
	// The earlier run's traces, in `buf`, indexed by first member.
	unsigned char *buf;
	size_t nstored;
	bh_reuse__trace *stored;
	bh_strmap first; // first member's name -> index + 1 of the latest such trace (decimal)
	// This run.
	const bh_callgraph *graph;
	const bh_callgraph_ids *ids;
	bh_places *places;           // which function holds a place
	unsigned char where[DIGEST]; // where every function is (zeros: not yet)
	bh_strmap node_of; // name -> node + 1 (decimal)
	unsigned char (*cur)[DIGEST]; // per node: its summary's digest now (zeros: none)
	bool *member;                 // per node: in the component being recorded
	BH_VEC(new_trace) made;
	read_index seen;
	bool recording;
	bool invalid; // bh_reuse__invalidate: save no trace
	size_t replayed, analysed;
	// The findings list reported_holds answers for, indexed up to `indexed`
	// (analyses only append to it): reported_key's of what it holds.
	const bh_findings *reported_of;
	size_t indexed;
	bh_strset reported;
};

bh_reuse *bh_reuse_new(const char *analysis)
{
	bh_reuse *r = bh_xcalloc(1, sizeof(*r));
	r->analysis = bh_xstrdup(analysis);
	r->arena = bh_arena_new();
	return r;
}

static void dispose_made(bh_reuse *r)
{
	for (size_t i = 0; i < r->made.len; i++) {
		bh_vec_dispose(&r->made.items[i].reads);
		bh_vec_dispose(&r->made.items[i].own);
	}
	bh_vec_dispose(&r->made);
}

void bh_reuse_free(bh_reuse *r)
{
	if (!r)
		return;
	dispose_made(r);
	free(r->stored);
	free(r->buf);
	free(r->cur);
	free(r->member);
	free(r->seen.slots);
	bh_strset_dispose(&r->reported);
	bh_places_free(r->places);
	bh_strmap_dispose(&r->first);
	bh_strmap_dispose(&r->node_of);
	bh_arena_free(r->arena);
	free(r->analysis);
	free(r);
}

void bh_reuse_counts(const bh_reuse *r, size_t *replayed, size_t *analysed)
{
	*replayed = r ? r->replayed : 0;
	*analysed = r ? r->analysed : 0;
}

// ---------------------------------------------------------------- loading

static size_t map_index(const bh_strmap *m, const char *key)
{
	const char *v = bh_strmap_get(m, key);
	return v ? (size_t)strtoull(v, NULL, 10) : 0;
}

static void map_put_index(bh_strmap *m, const char *key, size_t v)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "%zu", v);
	bh_strmap_put(m, key, buf);
}

static bool read_trace(bh_wire_reader *rd, bh_arena *arena, bh_reuse__trace *t)
{
	size_t left = (size_t)(rd->end - rd->p);
	t->rounds = bh_wire_get_u(rd);
	t->body = rd->p;
	t->nmembers = (size_t)bh_wire_get_max(rd, left / (2 * DIGEST + 1));
	if (!rd->ok || t->nmembers == 0)
		return false;
	t->names = bh_arena_alloc(arena, t->nmembers * sizeof(*t->names));
	unsigned char (*nd)[DIGEST] = bh_arena_alloc(arena, t->nmembers * sizeof(*nd));
	unsigned char (*sd)[DIGEST] = bh_arena_alloc(arena, t->nmembers * sizeof(*sd));
	for (size_t i = 0; i < t->nmembers && rd->ok; i++) {
		t->names[i] = bh_wire_get_str(rd);
		const void *a = bh_wire_get_raw(rd, DIGEST), *b = bh_wire_get_raw(rd, DIGEST);
		if (!t->names[i] || !a || !b)
			return false;
		memcpy(nd[i], a, DIGEST);
		memcpy(sd[i], b, DIGEST);
	}
	t->node_digests = (const unsigned char(*)[DIGEST])nd;
	t->sum_digests = (const unsigned char(*)[DIGEST])sd;
	t->nreads = (size_t)bh_wire_get_max(rd, (size_t)(rd->end - rd->p) / (DIGEST + 2));
	t->reads = bh_arena_alloc(arena, (t->nreads + 1) * sizeof(*t->reads));
	for (size_t i = 0; i < t->nreads && rd->ok; i++) {
		read_rec *x = &t->reads[i];
		x->kind = (unsigned)bh_wire_get_max(rd, READ_KINDS - 1);
		x->key = bh_wire_get_str(rd);
		const void *d = bh_wire_get_raw(rd, DIGEST);
		if (!x->key || !d)
			return false;
		memcpy(x->digest, d, DIGEST);
	}
	t->out = bh_wire_get_blob(rd, &t->outlen);
	t->bodylen = rd->ok ? (size_t)(rd->p - t->body) : 0;
	return rd->ok;
}

bool bh_reuse_load(bh_reuse *r, const void *data, size_t len)
{
	unsigned char *buf = malloc(len ? len : 1);
	if (!buf)
		return false;
	memcpy(buf, data, len);
	bh_wire_reader rd = bh_wire_reader_of(buf, len);
	const void *magic = bh_wire_get_raw(&rd, 4);
	bool ok = magic && memcmp(magic, MAGIC, 4) == 0 && bh_wire_get_u(&rd) == VERSION;
	const char *name = ok ? bh_wire_get_str(&rd) : NULL;
	ok = ok && name && strcmp(name, r->analysis) == 0;
	size_t n = ok ? (size_t)bh_wire_get_max(&rd, len / 8) : 0;
	bh_reuse__trace *ts = ok ? bh_xcalloc(n + 1, sizeof(*ts)) : NULL;
	for (size_t i = 0; ok && i < n; i++)
		ok = read_trace(&rd, r->arena, &ts[i]);
	if (!ok || !bh_wire_done(&rd)) {
		free(ts);
		free(buf);
		return false;
	}
	r->buf = buf;
	r->stored = ts;
	r->nstored = n;
	for (size_t i = 0; i < n; i++) {
		ts[i].next = map_index(&r->first, ts[i].names[0]);
		map_put_index(&r->first, ts[i].names[0], i + 1);
	}
	return true;
}

// ---------------------------------------------------------------- saving

static void put_trace(bh_bytes *b, const bh_reuse *r, const new_trace *t)
{
	bh_wire_u(b, t->rounds);
	if (t->from) {
		// Its members, their digests, reads and outputs are the stored ones.
		bh_wire_raw(b, t->from->body, t->from->bodylen);
		return;
	}
	bh_wire_u(b, t->nmembers);
	for (size_t i = 0; i < t->nmembers; i++) {
		bh_wire_str(b, r->ids->names[t->nodes[i]]);
		bh_wire_raw(b, r->ids->digests[t->nodes[i]], DIGEST);
		bh_wire_raw(b, t->sum_digests[i], DIGEST);
	}
	bh_wire_u(b, t->reads.len);
	for (size_t i = 0; i < t->reads.len; i++) {
		bh_wire_u(b, t->reads.items[i].kind);
		bh_wire_str(b, t->reads.items[i].key);
		bh_wire_raw(b, t->reads.items[i].digest, DIGEST);
	}
	bh_wire_blob(b, t->own.items, t->own.len);
}

void bh_reuse_save(const bh_reuse *r, bh_bytes *out)
{
	bh_wire_raw(out, MAGIC, 4);
	bh_wire_u(out, VERSION);
	bh_wire_str(out, r->analysis);
	bool any = r->ids && !r->invalid;
	bh_wire_u(out, any ? r->made.len : 0);
	for (size_t i = 0; any && i < r->made.len; i++)
		put_trace(out, r, &r->made.items[i]);
}

bool bh_reuse_as_loaded(const bh_reuse *r)
{
	if (!r || !r->ids || r->invalid || r->analysed || r->made.len != r->nstored)
		return false;
	for (size_t i = 0; i < r->made.len; i++)
		if (r->made.items[i].from != &r->stored[i] || r->made.items[i].rounds != r->stored[i].rounds)
			return false;
	return true;
}

// ------------------------------------------------------------- this run

void bh_reuse__begin(bh_reuse *r, const bh_callgraph *g, const bh_callgraph_ids *ids)
{
	if (!r)
		return;
	r->graph = g;
	r->ids = ids;
	r->places = bh_places_new(g);
	r->cur = bh_xcalloc(g->nfuncs + 1, sizeof(*r->cur));
	r->member = bh_xcalloc(g->nfuncs + 1, sizeof(*r->member));
	for (size_t n = 0; n < ids->n; n++)
		map_put_index(&r->node_of, ids->names[n], n + 1);
}

size_t bh_reuse__node_named(const bh_reuse *r, const char *name)
{
	size_t n = r ? map_index(&r->node_of, name) : 0;
	return n ? n - 1 : SIZE_MAX;
}

// ---------------------------------------------------------------- places

static new_trace *current(bh_reuse *r);
static const unsigned char *where(bh_reuse *r);
static void note(bh_reuse *r, unsigned kind, const char *key, const unsigned char *digest, bool copy);

const char *bh_reuse__holder(const bh_reuse *r, const bh_loc *l, uint32_t *line, uint32_t *end_line)
{
	size_t n = r ? bh_places_holder(r->places, l) : SIZE_MAX;
	if (n == SIZE_MAX)
		return NULL;
	uint32_t first = r->graph->funcs[n]->loc.line;
	*line = l->line - first;
	*end_line = l->end_line ? l->end_line - first + 1 : 0;
	return r->ids->names[n];
}

bool bh_reuse__held(const bh_reuse *r, const char *holder, uint64_t line, uint64_t end_line, bh_loc *l)
{
	size_t n = r && r->ids && holder ? bh_reuse__node_named(r, holder) : SIZE_MAX;
	if (n == SIZE_MAX)
		return false;
	const bh_ir_func *fn = r->graph->funcs[n];
	uint64_t first = fn->loc.line;
	if (first + line > UINT32_MAX || (end_line && first + end_line - 1 > UINT32_MAX))
		return false;
	l->path = fn->loc.path;
	l->line = (uint32_t)(first + line);
	l->end_line = end_line ? (uint32_t)(first + end_line - 1) : 0;
	return true;
}

void bh_reuse__put_loc(const bh_reuse *r, bh_bytes *b, const bh_loc *l)
{
	uint32_t line, end_line;
	const char *holder = bh_reuse__holder(r, l, &line, &end_line);
	bh_wire_u(b, holder != NULL);
	if (!holder) {
		bh_wire_loc(b, l);
		return;
	}
	bh_wire_str(b, holder);
	bh_wire_u(b, line);
	bh_wire_u(b, l->col);
	bh_wire_u(b, end_line);
	bh_wire_u(b, l->end_col);
}

bh_loc bh_reuse__get_loc(const bh_reuse *r, bh_wire_reader *rd, bh_arena *arena)
{
	if (!bh_wire_get_max(rd, 1))
		return bh_wire_get_loc_in(rd, arena);
	bh_loc l = { 0 };
	const char *holder = bh_wire_get_str(rd);
	uint64_t line = bh_wire_get_u(rd);
	l.col = (uint32_t)bh_wire_get_max(rd, UINT32_MAX);
	uint64_t end_line = bh_wire_get_u(rd);
	l.end_col = (uint32_t)bh_wire_get_max(rd, UINT32_MAX);
	if (!rd->ok || !bh_reuse__held(r, holder, line, end_line, &l)) {
		rd->ok = false;
		return (bh_loc){ 0 };
	}
	l.path = bh_arena_strdup(arena, l.path);
	return l;
}

void bh_reuse__note_places(bh_reuse *r)
{
	if (current(r))
		note(r, READ_PLACES, "", where(r), false);
}

void bh_reuse__invalidate(bh_reuse *r)
{
	if (r)
		r->invalid = true;
}

// Where every function is: their names and first lines.
static const unsigned char *where(bh_reuse *r)
{
	static const unsigned char none[DIGEST];
	if (memcmp(r->where, none, DIGEST) != 0)
		return r->where;
	bh_sha256 h;
	bh_sha256_init(&h);
	for (size_t n = 0; n < r->ids->n; n++) {
		uint32_t line = r->graph->funcs[n]->loc.line;
		bh_sha256_update(&h, r->ids->names[n], strlen(r->ids->names[n]) + 1);
		bh_sha256_update(&h, &line, sizeof(line));
	}
	bh_sha256_digest(&h, r->where);
	r->where[0] |= 1; // (never all zeros)
	return r->where;
}

static bool read_holds(bh_reuse *r, const read_rec *x, bh_reuse__other_holds other, void *payload)
{
	if (x->kind == READ_OTHER)
		return other && other(payload, x->key, x->digest);
	if (x->kind == READ_PLACES)
		return memcmp(where(r), x->digest, DIGEST) == 0;
	size_t n = map_index(&r->node_of, x->key);
	if (!n--)
		return false; // no such function now
	const unsigned char *now = x->kind == READ_NODE ? r->ids->digests[n] : r->cur[n];
	return memcmp(now, x->digest, DIGEST) == 0;
}

static bool members_match(const bh_reuse *r, const bh_reuse__trace *t, const size_t *nodes, size_t n)
{
	if (t->nmembers != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(t->names[i], r->ids->names[nodes[i]]) != 0 ||
		    memcmp(t->node_digests[i], r->ids->digests[nodes[i]], DIGEST) != 0)
			return false;
	return true;
}

const bh_reuse__trace *bh_reuse__find(bh_reuse *r, const size_t *nodes, size_t n, unsigned round,
				      bh_reuse__other_holds other, void *payload)
{
	if (!r || !r->ids || round >= 64)
		return NULL;
	for (size_t i = map_index(&r->first, r->ids->names[nodes[0]]); i; i = r->stored[i - 1].next) {
		const bh_reuse__trace *t = &r->stored[i - 1];
		if (!(t->rounds & ((uint64_t)1 << round)) || !members_match(r, t, nodes, n))
			continue;
		bool holds = true;
		for (size_t k = 0; k < t->nreads && holds; k++)
			holds = read_holds(r, &t->reads[k], other, payload);
		if (holds)
			return t;
	}
	return NULL;
}

const void *bh_reuse__outputs(const bh_reuse__trace *t, size_t *len)
{
	*len = t->outlen;
	return t->out;
}

static new_trace *add_trace(bh_reuse *r, const size_t *nodes, size_t n, unsigned round)
{
	new_trace t = { 0 };
	t.rounds = round < 64 ? (uint64_t)1 << round : 0;
	t.nmembers = n;
	t.nodes = bh_arena_alloc(r->arena, n * sizeof(*t.nodes));
	memcpy(t.nodes, nodes, n * sizeof(*nodes));
	t.sum_digests = bh_arena_alloc(r->arena, n * sizeof(*t.sum_digests));
	memset(t.sum_digests, 0, n * sizeof(*t.sum_digests));
	bh_vec_push(&r->made, t);
	return &r->made.items[r->made.len - 1];
}

void bh_reuse__replayed(bh_reuse *r, const bh_reuse__trace *t, const size_t *nodes, unsigned round)
{
	if (!r)
		return;
	r->replayed++;
	new_trace *nt = add_trace(r, nodes, t->nmembers, round);
	nt->from = t;
	for (size_t i = 0; i < t->nmembers; i++) {
		memcpy(nt->sum_digests[i], t->sum_digests[i], DIGEST);
		memcpy(r->cur[nodes[i]], t->sum_digests[i], DIGEST);
	}
}

void bh_reuse__start(bh_reuse *r, const size_t *nodes, size_t n, unsigned round)
{
	if (!r || !r->ids)
		return;
	add_trace(r, nodes, n, round);
	for (size_t i = 0; i < n; i++)
		r->member[nodes[i]] = true;
	// (A small table is cleared; one a large component grew is dropped.)
	if (r->seen.cap > 256) {
		free(r->seen.slots);
		r->seen.slots = NULL;
		r->seen.cap = 0;
	} else if (r->seen.cap) {
		memset(r->seen.slots, 0, r->seen.cap * sizeof(*r->seen.slots));
	}
	r->seen.len = 0;
	r->recording = true;
}

static new_trace *current(bh_reuse *r)
{
	return r && r->recording ? &r->made.items[r->made.len - 1] : NULL;
}

static size_t read_hash(unsigned kind, const char *key)
{
	return bh_hash_string(key) * 31 + kind;
}

// The slot of (kind, key) among the recorded reads: its index + 1, or
// the empty slot where it would go.
static size_t *read_slot(bh_reuse *r, const new_trace *t, unsigned kind, const char *key)
{
	read_index *x = &r->seen;
	if (x->len * 2 >= x->cap) {
		free(x->slots);
		x->cap = x->cap ? x->cap * 2 : 64;
		x->slots = bh_xcalloc(x->cap, sizeof(*x->slots));
		x->len = 0;
		for (size_t i = 0; i < t->reads.len; i++) {
			const read_rec *e = &t->reads.items[i];
			size_t j = read_hash(e->kind, e->key) & (x->cap - 1);
			while (x->slots[j])
				j = (j + 1) & (x->cap - 1);
			x->slots[j] = i + 1;
			x->len++;
		}
	}
	size_t j = read_hash(kind, key) & (x->cap - 1);
	while (x->slots[j]) {
		const read_rec *e = &t->reads.items[x->slots[j] - 1];
		if (e->kind == kind && strcmp(e->key, key) == 0)
			break;
		j = (j + 1) & (x->cap - 1);
	}
	return &x->slots[j];
}

// Note a read; `copy`: the key is not the run's to keep (copied if new).
static void note(bh_reuse *r, unsigned kind, const char *key, const unsigned char *digest, bool copy)
{
	new_trace *t = current(r);
	if (!t)
		return;
	size_t *slot = read_slot(r, t, kind, key);
	if (*slot) {
		read_rec *e = &t->reads.items[*slot - 1];
		// Read again: a different value would make the trace one
		// no state matches, which only costs its reuse.
		if (memcmp(e->digest, digest, DIGEST) != 0)
			memset(e->digest, 0xff, DIGEST);
		return;
	}
	read_rec x = { kind, copy ? bh_arena_strdup(r->arena, key) : key, { 0 } };
	memcpy(x.digest, digest, DIGEST);
	bh_vec_push(&t->reads, x);
	*slot = t->reads.len;
	r->seen.len++;
}

void bh_reuse__note_summary(bh_reuse *r, size_t node)
{
	if (current(r) && node < r->ids->n && !r->member[node])
		note(r, READ_SUMMARY, r->ids->names[node], r->cur[node], false);
}

void bh_reuse__note_node(bh_reuse *r, size_t node)
{
	if (current(r) && node < r->ids->n)
		note(r, READ_NODE, r->ids->names[node], r->ids->digests[node], false);
}

void bh_reuse__note_other(bh_reuse *r, const char *key, const unsigned char digest[DIGEST])
{
	if (current(r))
		note(r, READ_OTHER, key, digest, true);
}

void bh_reuse__set_summary(bh_reuse *r, size_t node, const void *bytes, size_t len)
{
	if (!r || !r->ids || node >= r->ids->n)
		return;
	if (!bytes) {
		memset(r->cur[node], 0, DIGEST);
		return;
	}
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_sha256_update(&h, bytes, len);
	bh_sha256_digest(&h, r->cur[node]);
}

static void stop(bh_reuse *r, new_trace *t)
{
	for (size_t i = 0; i < t->nmembers; i++) {
		r->member[t->nodes[i]] = false;
		memcpy(t->sum_digests[i], r->cur[t->nodes[i]], DIGEST);
	}
	r->recording = false;
}

void bh_reuse__finish(bh_reuse *r, bh_bytes *outputs)
{
	new_trace *t = current(r);
	if (!t) {
		bh_vec_dispose(outputs);
		return;
	}
	stop(r, t);
	t->own = *outputs;
	memset(outputs, 0, sizeof(*outputs));
	r->analysed++;
}

// ---------------------------------------------------------------- rounds

void bh_reuse__new_round(bh_reuse *r, const size_t *nodes, size_t n)
{
	for (size_t i = 0; r && r->cur && i < n; i++)
		memset(r->cur[nodes[i]], 0, DIGEST);
}

size_t bh_reuse__last(const bh_reuse *r)
{
	return r && r->ids ? r->made.len : 0;
}

void bh_reuse__again(bh_reuse *r, size_t trace, unsigned round)
{
	if (!r || !trace || trace > r->made.len)
		return;
	new_trace *t = &r->made.items[trace - 1];
	if (round < 64)
		t->rounds |= (uint64_t)1 << round;
	for (size_t i = 0; i < t->nmembers; i++)
		memcpy(r->cur[t->nodes[i]], t->sum_digests[i], DIGEST);
}

const bh_reuse__trace *bh_reuse__made_from(const bh_reuse *r, size_t trace)
{
	return r && trace && trace <= r->made.len ? r->made.items[trace - 1].from : NULL;
}

// ------------------------------------------------------------- members

void bh_reuse__put_member(bh_reuse *r, bh_bytes *out, size_t node, const void *s,
			  void (*encode)(bh_bytes *b, const void *s, const void *payload), const void *payload)
{
	bh_bytes sum = { 0 };
	if (s)
		encode(&sum, s, payload);
	bh_reuse__set_summary(r, node, s ? sum.items : NULL, sum.len);
	bh_wire_u(out, s != NULL);
	bh_wire_blob(out, sum.items, sum.len);
	bh_vec_dispose(&sum);
}

bool bh_reuse__get_members(bh_wire_reader *rd, size_t n, void **sums,
			   void *(*decode)(void *payload, size_t i, const void *bytes, size_t len), void *payload)
{
	if (bh_wire_get_u(rd) != n)
		return false;
	for (size_t i = 0; i < n && rd->ok; i++) {
		bool has = bh_wire_get_max(rd, 1);
		size_t len;
		const void *bytes = bh_wire_get_blob(rd, &len);
		sums[i] = NULL;
		if (has && rd->ok && !(sums[i] = decode(payload, i, bytes, len)))
			return false;
	}
	return rd->ok;
}

void bh_reuse__start_common(bh_reuse *r, const size_t *nodes, size_t n, const bh_findings *out,
			    const bh_diags *diags, bh_reuse__mark *m)
{
	m->findings = out->items.len;
	m->diags = diags->items.len;
	bh_reuse__start(r, nodes, n, 0);
}

void bh_reuse__finish_common(bh_reuse *r, const size_t *nodes, size_t n, void *const *sums,
			     void (*encode)(bh_bytes *b, const void *s, const void *payload), const void *payload,
			     const bh_findings *out, const bh_diags *diags, const bh_reuse__mark *m)
{
	if (!r)
		return;
	bh_bytes bytes = { 0 };
	bh_wire_u(&bytes, n);
	for (size_t i = 0; i < n; i++)
		bh_reuse__put_member(r, &bytes, nodes[i], sums[nodes[i]], encode, payload);
	bh_reuse__put_results(r, &bytes, out, m->findings, diags, m->diags);
	bh_reuse__finish(r, &bytes);
}

bool bh_reuse__replay_common(const bh_reuse *r, const bh_reuse__trace *t, size_t n, void **sums,
			     void *(*decode)(void *payload, size_t i, const void *bytes, size_t len), void *payload,
			     bh_arena *arena, bh_findings *out, bh_diags *diags)
{
	size_t len;
	const void *data = bh_reuse__outputs(t, &len);
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	if (!bh_reuse__get_members(&rd, n, sums, decode, payload))
		return false;
	bh_findings found;
	bh_findings_init(&found, arena);
	bh_diags notes;
	bh_diags_init(&notes, arena);
	bool ok = bh_reuse__get_results(r, &rd, &found, &notes) && bh_wire_done(&rd);
	if (ok) {
		bh_findings_append(out, &found);
		bh_diags_append(diags, &notes);
	}
	bh_findings_dispose(&found);
	bh_diags_dispose(&notes);
	return ok;
}

// ------------------------------------------------------------- flags

static const unsigned char *flag_digest(bool yes)
{
	static const unsigned char on[DIGEST] = { 1 }, off[DIGEST];
	return yes ? on : off;
}

bool bh_reuse__note_flag(bh_reuse *r, const char *key, bool yes)
{
	bh_reuse__note_other(r, key, flag_digest(yes));
	return yes;
}

bool bh_reuse__flag_holds(const unsigned char *digest, bool now)
{
	return memcmp(digest, flag_digest(now), DIGEST) == 0;
}

// "Is a finding of `rule` at `at` reported already?", as bh_findings_find
// asks it: with no snippet, whatever the finding's ("r" keys); with one, a
// finding with that snippet or with none ("R" keys, the snippet after the
// place). Reads key the question; the index of a findings list holds, per
// finding, its "r" key, and its "R" key or, without a snippet, its "W" key
// (it answers every snippet).
//
// A place a function holds is keyed by that function (its name with its
// separators swapped for \x1e, behind '@') and its line from the
// function's first ('+').
static char *reported_key(const bh_reuse *r, char kind, const bh_rule *rule, const bh_loc *at,
			  const char *snippet)
{
	uint32_t line = at->line, end_line;
	const char *holder = bh_reuse__holder(r, at, &line, &end_line);
	const char *place = holder ? holder : at->path;
	size_t n = strlen(rule->id) + strlen(place) + (snippet ? strlen(snippet) : 0) + 48;
	char *key = bh_xmalloc(n);
	int len = snprintf(key, n, "%c\x1f%s\x1f%s", kind, rule->id, holder ? "@" : "");
	for (const char *c = place; *c; c++)
		key[len++] = *c == '\x1f' ? '\x1e' : *c;
	len += snprintf(key + len, n - (size_t)len, "\x1f%s%u\x1f%u", holder ? "+" : "", line, at->col);
	if (snippet)
		snprintf(key + len, n - (size_t)len, "\x1f%s", snippet);
	return key;
}

bool bh_reuse__note_reported(bh_reuse *r, const bh_findings *out, const bh_rule *rule, const bh_loc *at,
			     const char *snippet)
{
	bool present = bh_findings_find(out, rule, at, snippet) != NULL;
	new_trace *t = current(r);
	// (A place without a path is never found: no read.)
	if (!t || !at->path)
		return present;
	char *key = reported_key(r, snippet ? 'R' : 'r', rule, at, snippet);
	// The first answer is the component's read: a later one may be its
	// own finding's.
	if (!*read_slot(r, t, READ_OTHER, key))
		bh_reuse__note_flag(r, key, present);
	free(key);
	return present;
}

static void index_reported(bh_reuse *r, const bh_findings *out)
{
	if (r->reported_of != out || r->indexed > out->items.len) {
		bh_strset_dispose(&r->reported);
		r->reported_of = out;
		r->indexed = 0;
	}
	for (; r->indexed < out->items.len; r->indexed++) {
		const bh_finding *f = &out->items.items[r->indexed];
		if (!f->loc.path)
			continue;
		char *any = reported_key(r, 'r', f->rule, &f->loc, NULL);
		char *one = reported_key(r, f->snippet ? 'R' : 'W', f->rule, &f->loc, f->snippet);
		bh_strset_insert(&r->reported, any);
		bh_strset_insert(&r->reported, one);
		free(any);
		free(one);
	}
}

bool bh_reuse__reported_holds(bh_reuse *r, const bh_findings *out, const char *key, const unsigned char *digest,
			      bool *is_reported)
{
	*is_reported = (key[0] == 'r' || key[0] == 'R') && key[1] == '\x1f';
	if (!*is_reported)
		return false;
	index_reported(r, out);
	bool now = bh_strset_contains(&r->reported, key);
	if (!now && key[0] == 'R') {
		// A finding without a snippet at the place answers it too: its
		// "W" key is the place, the part before the fifth separator.
		const char *end = key;
		for (int k = 0; k < 5 && end; k++)
			end = strchr(end + 1, '\x1f');
		if (end) {
			char *wild = bh_xstrndup(key, (size_t)(end - key));
			wild[0] = 'W';
			now = bh_strset_contains(&r->reported, wild);
			free(wild);
		}
	}
	return bh_reuse__flag_holds(digest, now);
}
