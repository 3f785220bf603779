// SPDX-License-Identifier: MIT
// The bounds checker's traces across scans (include/bulkhead/reuse.h).
// The unit is a top-level analysis: a function analysed on its own, with
// the results it computes on demand (its callees', which their own
// top-level analyses then skip) and the calling contexts it analyses,
// reported or silent. What it does is a function of:
//   - the IR and graph facts of every function it analyses or consults
//     (node reads);
//   - the program-wide state as it first meets each part of it: a
//     callee's result (computed by an earlier unit, or not yet: the
//     summary reads), whether a context was analysed already or has a
//     result, whether a finding was reported at a place already, and the
//     budgets (contexts analysed, per callee and in all, keys kept);
// since whatever it reads later of that state is its own writes. A
// budget is read through comparisons with its limit only: the trace
// keeps the range of starting values for which every comparison the unit
// made comes out the same, so that a scan whose earlier units analysed a
// few contexts more or fewer still replays it.
//
// Outputs, in the wire format:
//   members   the unit's own result (bh_reuse__put_member)
//   results   per callee result it computed: the callee's name, the result
//   counts    contexts analysed; per callee counted: name, contexts added (or 0)
//   keys      contexts analysed (16 bytes each); contexts given a result,
//             each with the result
//   fits      string copies proved to fit (locations)
//   findings, notes (bh_reuse__put_results)
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/rule.h"
#include "bulkhead/vec.h"
#include "dataflow/bounds_internal.h"
#include "dataflow/reuse_internal.h"

#define DIGEST BH_SHA256_LEN

// What a unit's comparisons of a counter with its limit say of the value
// the counter had when the unit began: lo <= start <= hi.
typedef struct {
	size_t start;
	int64_t lo, hi;
	bool checked;
} counter_read;

typedef struct {
	size_t node;
	bh_bnd_ret ret;
	const void *bytes; // its encoding in the outputs
	size_t len;
} ret_out;

typedef struct {
	bh_hash128 key;
	bh_bnd_ret ret;
} keyed_out;

struct bh_bnd_tracer {
	bh_reuse *r;
	const bh_callgraph_ids *ids;
	bh_findings *out;   // the run's findings (p->out outside silent analyses)
	bool recording;
	uint32_t serial;    // the unit being recorded, counted from 1
	size_t node;
	uint32_t *node_seen, *ret_seen, *count_seen; // per node: the last unit that noted it
	counter_read *node_count;                    // per node, where count_seen is this unit
	BH_VEC(size_t) counted;
	counter_read count[BH_BND_NCOUNTS];
	bh_bnd_keyset seen[2]; // keys the unit looked up, in p->done and p->results
	BH_VEC(size_t) rets_made;
	BH_VEC(bh_hash128) added[2];
	BH_VEC(bh_loc) fits;
	bh_reuse__mark mark;
};

static const char *const count_names[BH_BND_NCOUNTS] = { "contexts", "done", "results" };

static bh_bnd_tracer *recording(const bh_bnd_program *p)
{
	return p->tracer && p->tracer->recording ? p->tracer : NULL;
}

static int set_index(const bh_bnd_program *p, const bh_bnd_keyset *set)
{
	return set == &p->done ? 0 : 1;
}

// ------------------------------------------------------------- encoding

// A result's flags as one number.
static unsigned ret_bits(const bh_bnd_ret *r)
{
	return (unsigned)r->known | (unsigned)r->fresh << 1 | (unsigned)r->input << 2 | (unsigned)r->some_fresh << 3;
}

static void encode_ret(bh_bytes *b, const void *s, const void *payload)
{
	(void)payload;
	const bh_bnd_ret *r = s;
	bh_wire_u(b, ret_bits(r));
	bh_wire_s(b, r->v.lo);
	bh_wire_s(b, r->v.hi);
}

static bool decode_ret(const void *bytes, size_t len, bh_bnd_ret *r)
{
	bh_wire_reader rd = bh_wire_reader_of(bytes, len);
	uint64_t bits = bh_wire_get_max(&rd, 15);
	memset(r, 0, sizeof(*r));
	r->known = bits & 1;
	r->fresh = bits >> 1 & 1;
	r->input = bits >> 2 & 1;
	r->some_fresh = bits >> 3 & 1;
	r->v.lo = bh_wire_get_s(&rd);
	r->v.hi = bh_wire_get_s(&rd);
	return bh_wire_done(&rd);
}

static void *decode_member(void *payload, size_t i, const void *bytes, size_t len)
{
	(void)i;
	bh_bnd_ret *r = bh_arena_alloc(payload, sizeof(*r));
	return decode_ret(bytes, len, r) ? r : NULL;
}

// The digest of a read of a context's result: none, or the result.
static void result_digest(const bh_bnd_keyed *e, unsigned char d[DIGEST])
{
	memset(d, 0, DIGEST);
	if (!e)
		return;
	d[0] = 1;
	d[1] = (unsigned char)ret_bits(&e->ret);
	memcpy(d + 2, &e->ret.v.lo, sizeof(e->ret.v.lo));
	memcpy(d + 10, &e->ret.v.hi, sizeof(e->ret.v.hi));
}

static void range_digest(const counter_read *c, unsigned char d[DIGEST])
{
	memset(d, 0, DIGEST);
	memcpy(d, &c->lo, sizeof(c->lo));
	memcpy(d + 8, &c->hi, sizeof(c->hi));
}

static bool range_holds(const unsigned char *d, size_t now)
{
	int64_t lo, hi;
	memcpy(&lo, d, sizeof(lo));
	memcpy(&hi, d + 8, sizeof(hi));
	return (int64_t)now >= lo && (int64_t)now <= hi;
}

static void key_text(char out[40], char set, const bh_hash128 *k)
{
	snprintf(out, 40, "%c\x1f%016" PRIx64 "%016" PRIx64, set, k->a, k->b);
}

static bool key_parse(const char *s, bh_hash128 *k)
{
	char half[17];
	if (strlen(s) != 32)
		return false;
	memcpy(half, s, 16);
	half[16] = '\0';
	k->a = strtoull(half, NULL, 16);
	k->b = strtoull(s + 16, NULL, 16);
	return true;
}

// ------------------------------------------------------------- the run

void bh_bnd_trace_begin(bh_bnd_program *p, bh_reuse *r, const bh_callgraph_ids *ids)
{
	if (!r || !ids)
		return;
	bh_bnd_tracer *t = bh_xcalloc(1, sizeof(*t));
	size_t n = p->graph->nfuncs + 1;
	t->r = r;
	t->ids = ids;
	t->out = p->out;
	t->node_seen = bh_xcalloc(n, sizeof(*t->node_seen));
	t->ret_seen = bh_xcalloc(n, sizeof(*t->ret_seen));
	t->count_seen = bh_xcalloc(n, sizeof(*t->count_seen));
	t->node_count = bh_xcalloc(n, sizeof(*t->node_count));
	p->tracer = t;
	bh_reuse__begin(r, p->graph, ids);
}

void bh_bnd_trace_end(bh_bnd_program *p)
{
	bh_bnd_tracer *t = p->tracer;
	if (!t)
		return;
	free(t->node_seen);
	free(t->ret_seen);
	free(t->count_seen);
	free(t->node_count);
	bh_vec_dispose(&t->counted);
	for (int s = 0; s < 2; s++) {
		bh_bnd_keyset_dispose(&t->seen[s]);
		bh_vec_dispose(&t->added[s]);
	}
	bh_vec_dispose(&t->rets_made);
	bh_vec_dispose(&t->fits);
	free(t);
	p->tracer = NULL;
}

// ---------------------------------------------------------------- reads

void bh_bnd_note_node(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = recording(p);
	if (!t || t->node_seen[node] == t->serial)
		return;
	t->node_seen[node] = t->serial;
	bh_reuse__note_node(t->r, node);
}

void bh_bnd_note_ret(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = recording(p);
	if (!t || t->ret_seen[node] == t->serial)
		return;
	t->ret_seen[node] = t->serial;
	bh_reuse__note_summary(t->r, node); // (no digest: not computed yet)
}

void bh_bnd_ret_made(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = recording(p);
	if (!t)
		return;
	bh_bytes b = { 0 };
	encode_ret(&b, &p->rets[node], NULL);
	bh_reuse__set_summary(t->r, node, b.items, b.len);
	bh_vec_dispose(&b);
	bh_vec_push(&t->rets_made, node);
}

static void check(counter_read *c, size_t now, size_t limit, bool reached)
{
	int64_t own = (int64_t)now - (int64_t)c->start; // what the unit added so far
	int64_t edge = (int64_t)limit - own;             // the start at which it is reached
	if (reached && edge > c->lo)
		c->lo = edge;
	else if (!reached && edge - 1 < c->hi)
		c->hi = edge - 1;
	c->checked = true;
}

static void counter_start(counter_read *c, size_t now)
{
	*c = (counter_read){ now, INT64_MIN, INT64_MAX, false };
}

bool bh_bnd_count_reached(bh_bnd_program *p, bh_bnd_count which, size_t now, size_t limit)
{
	bool reached = now >= limit;
	bh_bnd_tracer *t = recording(p);
	if (t)
		check(&t->count[which], now, limit, reached);
	return reached;
}

bool bh_bnd_node_count_reached(bh_bnd_program *p, size_t node, unsigned now, unsigned limit)
{
	bool reached = now >= limit;
	bh_bnd_tracer *t = recording(p);
	if (!t)
		return reached;
	// The unit adds to a callee's count only after a comparison: the
	// first one meets the count as the unit began.
	if (t->count_seen[node] != t->serial) {
		t->count_seen[node] = t->serial;
		counter_start(&t->node_count[node], now);
		bh_vec_push(&t->counted, node);
	}
	check(&t->node_count[node], now, limit, reached);
	return reached;
}

void bh_bnd_note_key(bh_bnd_program *p, const bh_bnd_keyset *set, const bh_hash128 *k, const bh_bnd_keyed *e)
{
	bh_bnd_tracer *t = recording(p);
	int s = set_index(p, set);
	if (!t || bh_bnd_keyset_find(&t->seen[s], k))
		return;
	bh_bnd_keyset_add(&t->seen[s], k);
	char key[40];
	key_text(key, s ? 's' : 'd', k);
	unsigned char d[DIGEST];
	result_digest(e, d); // (a context analysed has no result: a flag)
	bh_reuse__note_other(t->r, key, d);
}

void bh_bnd_key_added(bh_bnd_program *p, const bh_bnd_keyset *set, const bh_hash128 *k)
{
	bh_bnd_tracer *t = recording(p);
	if (!t)
		return;
	int s = set_index(p, set);
	bh_bnd_keyset_add(&t->seen[s], k);
	bh_vec_push(&t->added[s], *k);
}

bool bh_bnd_reported(bh_bnd_program *p, const bh_rule *rule, const bh_loc *at)
{
	bh_bnd_tracer *t = recording(p);
	// (A silent analysis reports into a list of its own.)
	if (!t || p->out != t->out)
		return bh_findings_find(p->out, rule, at, NULL) != NULL;
	return bh_reuse__note_reported(t->r, p->out, rule, at, NULL);
}

void bh_bnd_fits(bh_bnd_program *p, const bh_loc *at)
{
	p->proved_fits(at, p->payload);
	bh_bnd_tracer *t = recording(p);
	if (t)
		bh_vec_push(&t->fits, *at);
}

// --------------------------------------------------------------- record

void bh_bnd_trace_start(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = p->tracer;
	if (!t)
		return;
	t->recording = true;
	t->serial++;
	t->node = node;
	counter_start(&t->count[BH_BND_COUNT_CONTEXTS], p->contexts);
	counter_start(&t->count[BH_BND_COUNT_DONE], p->done.len);
	counter_start(&t->count[BH_BND_COUNT_RESULTS], p->results.len);
	t->counted.len = 0;
	for (int s = 0; s < 2; s++) {
		bh_bnd_keyset_clear(&t->seen[s]);
		t->added[s].len = 0;
	}
	t->rets_made.len = 0;
	t->fits.len = 0;
	t->ret_seen[node] = t->serial; // its own, being computed
	bh_reuse__start_common(t->r, &node, 1, p->out, p->diags, &t->mark);
}

void bh_bnd_trace_finish(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = recording(p);
	if (!t)
		return;
	unsigned char d[DIGEST];
	char key[24];
	for (int c = 0; c < BH_BND_NCOUNTS; c++) {
		if (!t->count[c].checked)
			continue;
		range_digest(&t->count[c], d);
		snprintf(key, sizeof(key), "c\x1f%s", count_names[c]);
		bh_reuse__note_other(t->r, key, d);
	}
	for (size_t i = 0; i < t->counted.len; i++) {
		size_t n = t->counted.items[i];
		range_digest(&t->node_count[n], d);
		char *k = bh_arena_sprintf(p->arena, "o\x1f%s", t->ids->names[n]);
		bh_reuse__note_other(t->r, k, d);
	}
	bh_bytes b = { 0 };
	bh_wire_u(&b, 1);
	bh_reuse__put_member(t->r, &b, node, &p->rets[node], encode_ret, NULL);
	bh_wire_u(&b, t->rets_made.len);
	for (size_t i = 0; i < t->rets_made.len; i++) {
		size_t n = t->rets_made.items[i];
		bh_wire_str(&b, t->ids->names[n]);
		bh_bytes r = { 0 };
		encode_ret(&r, &p->rets[n], NULL);
		bh_wire_blob(&b, r.items, r.len);
		bh_vec_dispose(&r);
	}
	bh_wire_u(&b, p->contexts - t->count[BH_BND_COUNT_CONTEXTS].start);
	bh_wire_u(&b, t->counted.len);
	for (size_t i = 0; i < t->counted.len; i++) {
		size_t n = t->counted.items[i];
		bh_wire_str(&b, t->ids->names[n]);
		bh_wire_u(&b, p->contexts_of[n] - t->node_count[n].start);
	}
	for (int s = 0; s < 2; s++) {
		bh_wire_u(&b, t->added[s].len);
		for (size_t i = 0; i < t->added[s].len; i++) {
			const bh_hash128 *k = &t->added[s].items[i];
			bh_wire_raw(&b, k, sizeof(*k));
			if (s) {
				bh_bytes r = { 0 };
				encode_ret(&r, &bh_bnd_keyset_find(&p->results, k)->ret, NULL);
				bh_wire_blob(&b, r.items, r.len);
				bh_vec_dispose(&r);
			}
		}
	}
	bh_wire_u(&b, t->fits.len);
	for (size_t i = 0; i < t->fits.len; i++)
		bh_reuse__put_loc(t->r, &b, &t->fits.items[i]);
	bh_reuse__put_results(t->r, &b, p->out, t->mark.findings, p->diags, t->mark.diags);
	bh_reuse__finish(t->r, &b);
	t->recording = false;
}

// ---------------------------------------------------------------- replay

// bh_reuse__other_holds: is the part of the program's state a read
// names as the unit first met it?
static bool read_holds(void *payload, const char *key, const unsigned char *digest)
{
	bh_bnd_program *p = payload;
	bh_bnd_tracer *t = p->tracer;
	bool is_reported;
	bool reported = bh_reuse__reported_holds(t->r, p->out, key, digest, &is_reported);
	if (is_reported)
		return reported;
	if (!key[0] || key[1] != '\x1f')
		return false;
	const char *rest = key + 2;
	bh_hash128 k;
	switch (key[0]) {
	case 'c': {
		size_t now[BH_BND_NCOUNTS] = { p->contexts, p->done.len, p->results.len };
		for (int c = 0; c < BH_BND_NCOUNTS; c++)
			if (strcmp(rest, count_names[c]) == 0)
				return range_holds(digest, now[c]);
		return false;
	}
	case 'o': {
		size_t n = bh_reuse__node_named(t->r, rest);
		return n != SIZE_MAX && range_holds(digest, p->contexts_of[n]);
	}
	case 'd':
	case 's': {
		if (!key_parse(rest, &k))
			return false;
		unsigned char now[DIGEST];
		result_digest(bh_bnd_keyset_find(key[0] == 'd' ? &p->done : &p->results, &k), now);
		return memcmp(now, digest, DIGEST) == 0;
	}
	default:
		return false;
	}
}

typedef struct {
	bh_bnd_ret *own;
	BH_VEC(ret_out) rets;
	size_t contexts;
	BH_VEC(size_t) counted_nodes;
	BH_VEC(size_t) counted_by;
	BH_VEC(bh_hash128) done;
	BH_VEC(keyed_out) results;
	BH_VEC(bh_loc) fits;
	bh_findings found;
	bh_diags notes;
} replay;

static void replay_dispose(replay *x)
{
	bh_vec_dispose(&x->rets);
	bh_vec_dispose(&x->counted_nodes);
	bh_vec_dispose(&x->counted_by);
	bh_vec_dispose(&x->done);
	bh_vec_dispose(&x->results);
	bh_vec_dispose(&x->fits);
	bh_findings_dispose(&x->found);
	bh_diags_dispose(&x->notes);
}

// The node a name read from `rd` names now, or SIZE_MAX.
static size_t read_node(const bh_bnd_tracer *t, bh_wire_reader *rd)
{
	const char *name = bh_wire_get_str(rd);
	return name ? bh_reuse__node_named(t->r, name) : SIZE_MAX;
}

// Read every output before anything changes: a damaged trace is
// analysed again, with nothing of it applied.
static bool read_outputs(bh_bnd_program *p, const bh_reuse__trace *tr, bh_arena *a, replay *x)
{
	bh_bnd_tracer *t = p->tracer;
	size_t len;
	const void *data = bh_reuse__outputs(tr, &len);
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	void *own = NULL;
	if (!bh_reuse__get_members(&rd, 1, &own, decode_member, a) || !own)
		return false; // (a unit always has its own result)
	x->own = own;
	size_t n = (size_t)bh_wire_get_max(&rd, len);
	for (size_t i = 0; i < n && rd.ok; i++) {
		ret_out r;
		size_t node = read_node(t, &rd);
		r.bytes = bh_wire_get_blob(&rd, &r.len);
		if (!rd.ok || node == SIZE_MAX || !decode_ret(r.bytes, r.len, &r.ret))
			return false;
		r.node = node;
		bh_vec_push(&x->rets, r);
	}
	x->contexts = (size_t)bh_wire_get_max(&rd, SIZE_MAX / 2);
	n = (size_t)bh_wire_get_max(&rd, len);
	for (size_t i = 0; i < n && rd.ok; i++) {
		size_t node = read_node(t, &rd);
		size_t by = (size_t)bh_wire_get_max(&rd, UINT8_MAX);
		if (!rd.ok || node == SIZE_MAX || by + p->contexts_of[node] > UINT8_MAX)
			return false;
		bh_vec_push(&x->counted_nodes, node);
		bh_vec_push(&x->counted_by, by);
	}
	for (int s = 0; s < 2 && rd.ok; s++) {
		n = (size_t)bh_wire_get_max(&rd, len);
		for (size_t i = 0; i < n && rd.ok; i++) {
			keyed_out e;
			const void *k = bh_wire_get_raw(&rd, sizeof(e.key));
			if (!k)
				return false;
			memcpy(&e.key, k, sizeof(e.key));
			if (!s) {
				bh_vec_push(&x->done, e.key);
				continue;
			}
			size_t rl;
			const void *rb = bh_wire_get_blob(&rd, &rl);
			if (!rd.ok || !decode_ret(rb, rl, &e.ret))
				return false;
			bh_vec_push(&x->results, e);
		}
	}
	n = (size_t)bh_wire_get_max(&rd, len);
	for (size_t i = 0; i < n && rd.ok; i++) {
		bh_loc l = bh_reuse__get_loc(p->tracer->r, &rd, p->arena);
		bh_vec_push(&x->fits, l);
	}
	return rd.ok && bh_reuse__get_results(p->tracer->r, &rd, &x->found, &x->notes) && bh_wire_done(&rd);
}

bool bh_bnd_trace_replay(bh_bnd_program *p, size_t node)
{
	bh_bnd_tracer *t = p->tracer;
	if (!t)
		return false;
	const bh_reuse__trace *tr = bh_reuse__find(t->r, &node, 1, 0, read_holds, p);
	if (!tr)
		return false;
	bh_arena *a = bh_arena_new();
	replay x;
	memset(&x, 0, sizeof(x));
	bh_findings_init(&x.found, a);
	bh_diags_init(&x.notes, a);
	bool ok = read_outputs(p, tr, a, &x);
	if (ok) {
		p->rets[node] = *x.own;
		p->ret_state[node] = 2;
		for (size_t i = 0; i < x.rets.len; i++) {
			const ret_out *r = &x.rets.items[i];
			p->rets[r->node] = r->ret;
			p->ret_state[r->node] = 2;
			bh_reuse__set_summary(t->r, r->node, r->bytes, r->len);
		}
		p->contexts += x.contexts;
		for (size_t i = 0; i < x.counted_nodes.len; i++)
			p->contexts_of[x.counted_nodes.items[i]] += (uint8_t)x.counted_by.items[i];
		for (size_t i = 0; i < x.done.len; i++)
			bh_bnd_keyset_add(&p->done, &x.done.items[i]);
		for (size_t i = 0; i < x.results.len; i++)
			bh_bnd_keyset_add(&p->results, &x.results.items[i].key)->ret = x.results.items[i].ret;
		for (size_t i = 0; p->proved_fits && i < x.fits.len; i++)
			p->proved_fits(&x.fits.items[i], p->payload);
		bh_findings_append(p->out, &x.found);
		bh_diags_append(p->diags, &x.notes);
		bh_reuse__replayed(t->r, tr, &node, 0);
	}
	replay_dispose(&x);
	bh_arena_free(a);
	return ok;
}
