// SPDX-License-Identifier: MIT
// The taint analysis' traces across scans (include/bulkhead/reuse.h). A
// component's run in a round reads its callees' summaries and the
// tainted globals' entries, and makes its members' summaries, its reports
// (in order, repeats included: bh_taint__report keeps the first at a
// place) and the globals it taints (in order). A later scan replays a
// component whose members and reads still hold: the reports and taints
// again, and the members' summaries decoded only when an analysed
// function reads one (most are read by no one who is analysed again).
//
// Outputs, in the wire format:
//   members   per member: whether it has a summary, then its encoding
//             (its digest is what callers' reads record)
//   reports   (incomplete, rule, place, function, snippet, message, path)
//   taints    (global, path, what, local)
// Strings are written once per member encoding (and once for the reports
// and taints): the first time in full, then by number, so that an
// encoding is a function of the summary's contents alone.
//
// Decoded strings point into the loaded traces, which outlive the run.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/rule.h"
#include "bulkhead/sha256.h"
#include "bulkhead/vec.h"
#include "dataflow/reuse_internal.h"
#include "dataflow/taint_internal.h"

#define DIGEST BH_SHA256_LEN

typedef struct {
	const void *bytes;
	size_t len;
} lazy_summary;

typedef struct {
	const char *key;
	bh_taint__path path;
	const char *what;
	bool local;
} effect;

struct bh_taint__tracer {
	bh_reuse *r;
	const bh_callgraph_ids *ids;
	lazy_summary *lazy;        // per node: this round's replayed summary, not decoded yet
	size_t *made;              // per component head: the trace this round made or replayed (bh_reuse__last)
	bool recording;
	BH_VEC(effect) effects;    // the component's taints, in order
	bh_strset written;         // the globals it tainted (their reads are its own)
	bool broken;               // a stored summary did not decode: the run is not to be trusted
};

// ------------------------------------------------------------- strings

// Strings by number within one encoding (found by their text).
// 0: NULL; 1: the string follows; 2 + k: the k-th string written.
static void put_str(bh_bytes *b, bh_strids *s, const char *str)
{
	if (!str) {
		bh_wire_u(b, 0);
		return;
	}
	bool added;
	uint32_t id = bh_strids_get(s, str, &added);
	if (added) {
		bh_wire_u(b, 1);
		bh_wire_str(b, str);
	} else {
		bh_wire_u(b, 2 + (uint64_t)id);
	}
}

typedef struct {
	bh_wire_reader rd;
	BH_VEC(const char *) strings;
	bh_arena *arena;
	const bh_reuse *r; // who holds the places now
} decoder;

static const char *get_str(decoder *d)
{
	uint64_t v = bh_wire_get_u(&d->rd);
	if (v == 0)
		return NULL;
	if (v == 1) {
		const char *s = bh_wire_get_str(&d->rd);
		if (!s)
			d->rd.ok = false;
		else
			bh_vec_push(&d->strings, s);
		return s;
	}
	if (v - 2 >= d->strings.len) {
		d->rd.ok = false;
		return NULL;
	}
	return d->strings.items[v - 2];
}

// --------------------------------------------------------------- values

// A place a function holds is written as that function and its lines
// from the function's first (bh_reuse__holder): a summary or trace is
// the same wherever its functions are, and reads back where they are now.
static void put_loc(bh_bytes *b, bh_strids *s, const bh_reuse *r, const bh_loc *l)
{
	uint32_t line = l->line, end_line = l->end_line;
	const char *holder = bh_reuse__holder(r, l, &line, &end_line);
	bh_wire_u(b, holder != NULL);
	put_str(b, s, holder ? holder : l->path);
	bh_wire_u(b, line);
	bh_wire_u(b, l->col);
	bh_wire_u(b, end_line);
	bh_wire_u(b, l->end_col);
}

static bh_loc get_loc(decoder *d)
{
	bh_loc l;
	bool held = bh_wire_get_max(&d->rd, 1);
	const char *where = get_str(d);
	uint64_t line = bh_wire_get_max(&d->rd, UINT32_MAX);
	l.col = (uint32_t)bh_wire_get_max(&d->rd, UINT32_MAX);
	uint64_t end_line = bh_wire_get_max(&d->rd, UINT32_MAX);
	l.end_col = (uint32_t)bh_wire_get_max(&d->rd, UINT32_MAX);
	if (!held) {
		l.path = where;
		l.line = (uint32_t)line;
		l.end_line = (uint32_t)end_line;
	} else if (!bh_reuse__held(d->r, where, line, end_line, &l)) {
		d->rd.ok = false;
	}
	return l;
}

static void put_path(bh_bytes *b, bh_strids *s, const bh_reuse *r, const bh_taint__path *p)
{
	bh_wire_u(b, p->len);
	size_t n = 0;
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, p);
	for (const bh_finding_step *st; n < p->len && (st = bh_taint__path_next(&it)) != NULL; n++) {
		put_loc(b, s, r, &st->loc);
		put_str(b, s, st->message);
	}
	for (; n < p->len; n++) { // (a path shorter than it says: none are)
		put_loc(b, s, r, &(bh_loc){ 0 });
		put_str(b, s, NULL);
	}
}

static bh_taint__path get_path(decoder *d)
{
	// Each step takes at least six bytes.
	size_t n = (size_t)bh_wire_get_max(&d->rd, (uint64_t)(d->rd.end - d->rd.p) / 6);
	bh_finding_step *steps = n ? bh_xcalloc(n, sizeof(*steps)) : NULL;
	for (size_t i = 0; i < n && d->rd.ok; i++) {
		steps[i].loc = get_loc(d);
		steps[i].message = get_str(d);
	}
	bh_taint__path p = { NULL, 0, 0 };
	if (d->rd.ok)
		p = bh_taint__path_make(d->arena, steps, n, p);
	free(steps);
	return p;
}

static void put_val(bh_bytes *b, const bh_taint__val *v)
{
	bh_wire_u(b, v->labels);
	bh_wire_u(b, v->no_upper);
	bh_wire_u(b, v->no_lower);
	bh_wire_u(b, v->witness);
	bh_wire_u(b, v->small);
	bh_wire_u(b, v->local);
	bh_wire_u(b, v->target);
	bh_wire_u(b, v->written);
	bh_wire_u(b, v->sized);
}

static bh_taint__val get_val(decoder *d)
{
	bh_taint__val v;
	memset(&v, 0, sizeof(v));
	v.labels = bh_wire_get_u(&d->rd);
	v.no_upper = bh_wire_get_u(&d->rd);
	v.no_lower = bh_wire_get_u(&d->rd);
	v.witness = (uint32_t)bh_wire_get_max(&d->rd, UINT32_MAX);
	v.small = (uint16_t)bh_wire_get_max(&d->rd, UINT16_MAX);
	v.local = (uint16_t)bh_wire_get_max(&d->rd, UINT16_MAX);
	v.target = (uint32_t)bh_wire_get_max(&d->rd, UINT32_MAX);
	v.written = (uint32_t)bh_wire_get_max(&d->rd, 1);
	v.sized = bh_wire_get_u(&d->rd) & v.labels;
	return v;
}

// ------------------------------------------------------------ summaries

static void encode_summary(bh_bytes *b, const void *summary, const void *payload)
{
	const bh_reuse *r = payload;
	const bh_taint__summary *s = summary;
	bh_strids ids = { 0 };
	put_str(b, &ids, s->usr);
	put_str(b, &ids, s->name);
	bh_wire_u(b, s->nparams);
	bh_wire_u(b, (uint64_t)s->external | (uint64_t)s->analysed << 1 | (uint64_t)s->incomplete << 2 |
			     (uint64_t)s->ret_is_const << 3 | (uint64_t)(s->param_out != NULL) << 4 |
			     (uint64_t)(s->param_out_path != NULL) << 5 | (uint64_t)(s->param_out_what != NULL) << 6);
	bh_wire_u(b, s->nlabels);
	for (unsigned i = 0; i < s->nlabels; i++) {
		bh_wire_u(b, s->labels[i].param);
		put_str(b, &ids, s->labels[i].field);
	}
	put_val(b, &s->ret);
	put_path(b, &ids, r, &s->ret_path);
	put_str(b, &ids, s->ret_what);
	bh_wire_s(b, s->ret_const);
	for (uint32_t j = 0; j < s->nparams; j++) {
		if (s->param_out)
			put_val(b, &s->param_out[j]);
		if (s->param_out_path)
			put_path(b, &ids, r, &s->param_out_path[j]);
		if (s->param_out_what)
			put_str(b, &ids, s->param_out_what[j]);
	}
	bh_wire_u(b, s->fields.len);
	for (size_t i = 0; i < s->fields.len; i++) {
		const bh_taint__field_out *f = &s->fields.items[i];
		bh_wire_u(b, f->param);
		put_str(b, &ids, f->field);
		put_val(b, &f->val);
		put_path(b, &ids, r, &f->path);
		put_str(b, &ids, f->what);
	}
	bh_wire_u(b, s->sinks.len);
	for (size_t i = 0; i < s->sinks.len; i++) {
		// Each entry with its site (a summary rarely has two of one site).
		const bh_taint__sink *k = &s->sinks.items[i];
		const bh_taint__sink_site *at = k->site;
		put_str(b, &ids, at->rule->id);
		bh_wire_u(b, k->bit);
		bh_wire_u(b, k->param);
		put_str(b, &ids, k->field);
		bh_wire_u(b, (uint64_t)at->bounded_sink | (uint64_t)at->signed_matters << 1 |
				     (uint64_t)k->small_fires << 2 | (uint64_t)k->small << 3 |
				     (uint64_t)k->via_offset << 4);
		bh_wire_u(b, k->array_param);
		bh_wire_u(b, at->elem_size);
		put_loc(b, &ids, r, &at->loc);
		put_str(b, &ids, at->function);
		put_str(b, &ids, at->callee);
		put_str(b, &ids, at->operand);
		put_str(b, &ids, at->snippet);
		put_path(b, &ids, r, &k->path);
		bh_wire_u(b, k->guard ? k->guard->param : 0);
		put_str(b, &ids, k->guard ? k->guard->member : NULL);
		put_str(b, &ids, k->guard ? k->guard->func : NULL);
	}
	bh_wire_u(b, s->globals.len);
	for (size_t i = 0; i < s->globals.len; i++) {
		const bh_taint__global_write *g = &s->globals.items[i];
		put_str(b, &ids, g->key);
		bh_wire_u(b, g->labels);
		put_path(b, &ids, r, &g->path);
	}
	bh_strids_dispose(&ids);
}

// The summary of `fn` encoded in `bytes`, in p's arena, or NULL.
static bh_taint__summary *decode_summary(bh_taint__program *p, const bh_ir_func *fn, const void *bytes,
					 size_t len)
{
	decoder d = { bh_wire_reader_of(bytes, len), { 0 }, p->arena, p->tracer->r };
	bh_wire_reader *rd = &d.rd;
	bh_taint__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
	memset(s, 0, sizeof(*s));
	bh_vec_push(&p->all_sums, s); // (its vectors are freed with the others)
	s->fn = fn;
	s->usr = get_str(&d);
	s->name = get_str(&d);
	s->nparams = (uint32_t)bh_wire_get_max(rd, fn->nparams);
	uint64_t bits = bh_wire_get_max(rd, 127);
	s->external = bits & 1;
	s->analysed = bits >> 1 & 1;
	s->incomplete = bits >> 2 & 1;
	s->ret_is_const = bits >> 3 & 1;
	s->nlabels = (unsigned)bh_wire_get_max(rd, 64);
	bh_taint__label *labels = bh_arena_alloc(p->arena, (s->nlabels + 1) * sizeof(*labels));
	for (unsigned i = 0; i < s->nlabels && rd->ok; i++) {
		labels[i].param = (unsigned)bh_wire_get_max(rd, UINT32_MAX);
		labels[i].field = get_str(&d);
	}
	s->labels = labels;
	s->ret = get_val(&d);
	s->ret_path = get_path(&d);
	s->ret_what = get_str(&d);
	s->ret_const = bh_wire_get_s(rd);
	size_t np = (size_t)s->nparams + 1;
	if (bits >> 4 & 1) {
		s->param_out = bh_arena_alloc(p->arena, np * sizeof(*s->param_out));
		memset(s->param_out, 0, np * sizeof(*s->param_out));
	}
	if (bits >> 5 & 1) {
		s->param_out_path = bh_arena_alloc(p->arena, np * sizeof(*s->param_out_path));
		memset(s->param_out_path, 0, np * sizeof(*s->param_out_path));
	}
	if (bits >> 6 & 1) {
		s->param_out_what = bh_arena_alloc(p->arena, np * sizeof(*s->param_out_what));
		memset(s->param_out_what, 0, np * sizeof(*s->param_out_what));
	}
	for (uint32_t j = 0; j < s->nparams && rd->ok; j++) {
		if (s->param_out)
			s->param_out[j] = get_val(&d);
		if (s->param_out_path)
			s->param_out_path[j] = get_path(&d);
		if (s->param_out_what)
			s->param_out_what[j] = get_str(&d);
	}
	size_t n = (size_t)bh_wire_get_max(rd, len);
	for (size_t i = 0; i < n && rd->ok; i++) {
		bh_taint__field_out f;
		memset(&f, 0, sizeof(f));
		f.param = (unsigned)bh_wire_get_max(rd, UINT32_MAX);
		f.field = get_str(&d);
		f.val = get_val(&d);
		f.path = get_path(&d);
		f.what = get_str(&d);
		bh_vec_push(&s->fields, f);
	}
	n = (size_t)bh_wire_get_max(rd, len);
	for (size_t i = 0; i < n && rd->ok; i++) {
		bh_taint__sink k;
		memset(&k, 0, sizeof(k));
		bh_taint__sink_site *at = bh_arena_alloc(p->arena, sizeof(*at));
		k.site = at;
		const char *rule = get_str(&d);
		at->rule = rule ? bh_rule_find(rule) : NULL;
		k.bit = (uint8_t)bh_wire_get_max(rd, 63);
		k.param = (uint16_t)bh_wire_get_max(rd, UINT16_MAX);
		k.field = get_str(&d);
		uint64_t f = bh_wire_get_max(rd, 31);
		at->bounded_sink = f & 1;
		at->signed_matters = f >> 1 & 1;
		k.small_fires = f >> 2 & 1;
		k.small = f >> 3 & 1;
		k.via_offset = f >> 4 & 1;
		k.array_param = (uint16_t)bh_wire_get_max(rd, UINT16_MAX);
		at->elem_size = (uint32_t)bh_wire_get_max(rd, UINT32_MAX);
		at->loc = get_loc(&d);
		at->function = get_str(&d);
		at->callee = get_str(&d);
		at->operand = get_str(&d);
		at->snippet = get_str(&d);
		k.path = get_path(&d);
		unsigned guard_param = (unsigned)bh_wire_get_max(rd, UINT32_MAX);
		const char *guard_member = get_str(&d);
		const char *guard_func = get_str(&d);
		if (guard_param)
			k.guard = bh_taint__guard_new(p->arena, guard_param, guard_member, guard_func);
		if (!at->rule)
			rd->ok = false;
		bh_vec_push(&s->sinks, k);
	}
	n = (size_t)bh_wire_get_max(rd, len);
	for (size_t i = 0; i < n && rd->ok; i++) {
		bh_taint__global_write g;
		g.key = get_str(&d);
		g.labels = bh_wire_get_u(rd);
		g.path = get_path(&d);
		if (!g.key)
			rd->ok = false;
		bh_vec_push(&s->globals, g);
	}
	bh_vec_fit(&s->fields);
	bh_vec_fit(&s->sinks);
	bh_vec_fit(&s->globals);
	bool ok = bh_wire_done(rd);
	bh_vec_dispose(&d.strings);
	return ok ? s : NULL;
}

// ------------------------------------------------------------------ run

void bh_taint__trace_begin(bh_taint__program *p, bh_reuse *r, const bh_callgraph_ids *ids)
{
	if (!r || !ids)
		return;
	bh_taint__tracer *t = bh_xcalloc(1, sizeof(*t));
	t->r = r;
	t->ids = ids;
	t->lazy = bh_xcalloc(p->graph->nfuncs + 1, sizeof(*t->lazy));
	t->made = bh_xcalloc(p->graph->nfuncs + 1, sizeof(*t->made));
	p->tracer = t;
	bh_reuse__begin(r, p->graph, ids);
}

bool bh_taint__trace_sound(const bh_taint__program *p)
{
	return !p->tracer || !p->tracer->broken;
}

void bh_taint__trace_end(bh_taint__program *p)
{
	bh_taint__tracer *t = p->tracer;
	if (!t)
		return;
	if (t->broken)
		bh_reuse__invalidate(t->r);
	free(t->lazy);
	free(t->made);
	bh_vec_dispose(&t->effects);
	bh_strset_dispose(&t->written);
	free(t);
	p->tracer = NULL;
}

void bh_taint__trace_round(bh_taint__program *p, const size_t *nodes, size_t n)
{
	bh_taint__tracer *t = p->tracer;
	if (!t)
		return;
	bh_reuse__new_round(t->r, nodes, n);
	bh_taint__trace_forget(p, nodes, n);
}

void bh_taint__trace_forget(bh_taint__program *p, const size_t *nodes, size_t n)
{
	bh_taint__tracer *t = p->tracer;
	for (size_t i = 0; t && i < n; i++)
		t->lazy[nodes[i]] = (lazy_summary){ 0 };
}

const bh_taint__summary *bh_taint__sum(const bh_taint__program *cp, size_t node)
{
	bh_taint__program *p = (bh_taint__program *)cp; // (a decode fills in what was there)
	bh_taint__tracer *t = p->tracer;
	if (p->sums[node] || !t || !t->lazy[node].bytes)
		return p->sums[node];
	lazy_summary l = t->lazy[node];
	t->lazy[node].bytes = NULL;
	p->sums[node] = decode_summary(p, p->graph->funcs[node], l.bytes, l.len);
	if (!p->sums[node])
		t->broken = true; // bh_taint_run analyses everything again
	return p->sums[node];
}

// ---------------------------------------------------------------- reads

// A global's entry as its readers see it: none, or where its data came
// from (kept with the entry until it changes).
static const unsigned char *global_digest(const bh_reuse *r, const bh_taint__tainted_global *cg)
{
	static const unsigned char none[DIGEST];
	bh_taint__tainted_global *g = (bh_taint__tainted_global *)cg;
	if (!g)
		return none;
	if (g->digested == g->stamp + 1)
		return g->digest;
	bh_bytes b = { 0 };
	bh_strids ids = { 0 };
	bh_wire_u(&b, g->local);
	put_str(&b, &ids, g->what);
	put_path(&b, &ids, r, &g->path);
	bh_strids_dispose(&ids);
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_sha256_update(&h, b.items, b.len);
	bh_sha256_digest(&h, g->digest);
	g->digest[0] |= 1; // (never all zeros)
	g->digested = g->stamp + 1;
	bh_vec_dispose(&b);
	return g->digest;
}

void bh_taint__trace_sum_read(const bh_taint__program *p, size_t node)
{
	bh_taint__tracer *t = p->tracer;
	if (t && t->recording)
		bh_reuse__note_summary(t->r, node);
}

void bh_taint__trace_global_read(const bh_taint__program *p, const char *key, const bh_taint__tainted_global *g)
{
	bh_taint__tracer *t = p->tracer;
	// A global the component tainted itself reads as it made it.
	if (!t || !t->recording || bh_strset_contains(&t->written, key))
		return;
	size_t n = strlen(key) + 3;
	char *k = bh_xmalloc(n);
	snprintf(k, n, "g\x1f%s", key);
	bh_reuse__note_other(t->r, k, global_digest(t->r, g));
	free(k);
}

void bh_taint__trace_taint(bh_taint__program *p, const char *key, bh_taint__path path, const char *what,
			   bool local)
{
	bh_taint__tracer *t = p->tracer;
	if (!t || !t->recording)
		return;
	bh_strset_insert(&t->written, key);
	bh_vec_push(&t->effects, ((effect){ key, path, what, local }));
}

static bool read_holds(void *payload, const char *key, const unsigned char *digest)
{
	const bh_taint__program *p = payload;
	if (strncmp(key, "g\x1f", 2) != 0)
		return false;
	return memcmp(global_digest(p->tracer->r, bh_taint__find_global(p, key + 2)), digest, DIGEST) == 0;
}

// --------------------------------------------------------------- record

void bh_taint__trace_start(bh_taint__program *p, const size_t *nodes, size_t n, unsigned round)
{
	bh_taint__tracer *t = p->tracer;
	if (!t)
		return;
	t->recording = true;
	t->effects.len = 0;
	bh_strset_dispose(&t->written);
	bh_reuse__start(t->r, nodes, n, round);
	t->made[nodes[0]] = bh_reuse__last(t->r);
}

void bh_taint__trace_finish(bh_taint__program *p, const size_t *nodes, size_t n, const bh_taint__run_log *log)
{
	bh_taint__tracer *t = p->tracer;
	if (!t || !t->recording)
		return;
	bh_bytes b = { 0 };
	bh_wire_u(&b, n);
	for (size_t i = 0; i < n; i++)
		bh_reuse__put_member(t->r, &b, nodes[i], p->sums[nodes[i]], encode_summary, t->r);
	bh_strids ids = { 0 };
	bh_wire_u(&b, log->reports.len);
	for (size_t i = 0; i < log->reports.len; i++) {
		const bh_taint__report_record *r = &log->reports.items[i];
		bh_wire_u(&b, r->incomplete);
		put_str(&b, &ids, r->rule ? r->rule->id : NULL);
		put_loc(&b, &ids, t->r, &r->loc);
		put_str(&b, &ids, r->function);
		put_str(&b, &ids, r->snippet);
		put_str(&b, &ids, r->message);
		put_path(&b, &ids, t->r, &r->path);
	}
	bh_wire_u(&b, t->effects.len);
	for (size_t i = 0; i < t->effects.len; i++) {
		const effect *e = &t->effects.items[i];
		put_str(&b, &ids, e->key);
		put_path(&b, &ids, t->r, &e->path);
		put_str(&b, &ids, e->what);
		bh_wire_u(&b, e->local);
	}
	bh_strids_dispose(&ids);
	bh_reuse__finish(t->r, &b);
	t->recording = false;
}

void bh_taint__trace_again(bh_taint__program *p, size_t head, unsigned round)
{
	bh_taint__tracer *t = p->tracer;
	if (t)
		bh_reuse__again(t->r, t->made[head], round);
}

// --------------------------------------------------------------- replay

typedef struct {
	bh_taint__report_record *reports;
	size_t nreports;
	effect *effects;
	size_t neffects;
} replayed_outputs;

// The reports and taints of outputs `data`, after the members (whose
// encodings go to `members`); false when anything is malformed.
static bool read_outputs(bh_taint__program *p, const void *data, size_t len, size_t n, lazy_summary *members,
			 replayed_outputs *out)
{
	decoder d = { bh_wire_reader_of(data, len), { 0 }, p->arena, p->tracer->r };
	bh_wire_reader *rd = &d.rd;
	if (bh_wire_get_u(rd) != n)
		return false;
	for (size_t i = 0; i < n && rd->ok; i++) {
		// (A component's run gives each member a summary.)
		if (!bh_wire_get_max(rd, 1))
			rd->ok = false;
		members[i].bytes = bh_wire_get_blob(rd, &members[i].len);
	}
	size_t left = (size_t)(rd->end - rd->p);
	out->nreports = (size_t)bh_wire_get_max(rd, left);
	out->reports = bh_arena_alloc(p->arena, (out->nreports + 1) * sizeof(*out->reports));
	for (size_t i = 0; i < out->nreports && rd->ok; i++) {
		bh_taint__report_record *r = &out->reports[i];
		r->incomplete = bh_wire_get_max(rd, 1);
		const char *rule = get_str(&d);
		r->rule = rule ? bh_rule_find(rule) : NULL;
		r->loc = get_loc(&d);
		r->function = get_str(&d);
		r->snippet = get_str(&d);
		r->message = get_str(&d);
		r->path = get_path(&d);
		if ((!r->incomplete && (!r->rule || !r->message)) || (r->incomplete && !r->function))
			rd->ok = false;
	}
	out->neffects = (size_t)bh_wire_get_max(rd, left);
	out->effects = bh_arena_alloc(p->arena, (out->neffects + 1) * sizeof(*out->effects));
	for (size_t i = 0; i < out->neffects && rd->ok; i++) {
		effect *e = &out->effects[i];
		e->key = get_str(&d);
		e->path = get_path(&d);
		e->what = get_str(&d);
		e->local = bh_wire_get_max(rd, 1);
		if (!e->key)
			rd->ok = false;
	}
	bool ok = bh_wire_done(rd);
	bh_vec_dispose(&d.strings);
	return ok;
}

bool bh_taint__trace_replay(bh_taint__program *p, const size_t *nodes, size_t n, unsigned round)
{
	bh_taint__tracer *t = p->tracer;
	if (!t)
		return false;
	const bh_reuse__trace *tr = bh_reuse__find(t->r, nodes, n, round, read_holds, p);
	if (!tr)
		return false;
	size_t len;
	const void *data = bh_reuse__outputs(tr, &len);
	lazy_summary *members = bh_xcalloc(n, sizeof(*members));
	replayed_outputs out;
	bool ok = read_outputs(p, data, len, n, members, &out);
	if (ok) {
		for (size_t i = 0; i < n; i++) {
			p->sums[nodes[i]] = NULL;
			t->lazy[nodes[i]] = members[i];
		}
		for (size_t i = 0; i < out.nreports; i++) {
			const bh_taint__report_record *r = &out.reports[i];
			if (r->incomplete)
				bh_taint__note_incomplete(p, r->loc, r->function);
			else
				bh_taint__report(p, r->rule, r->loc, r->function, r->snippet, r->message, &r->path);
		}
		for (size_t i = 0; i < out.neffects; i++)
			bh_taint__taint_global(p, out.effects[i].key, out.effects[i].path, out.effects[i].what,
					       out.effects[i].local);
		// Replayed in an earlier round of this run from the same trace:
		// that one holds in this round too.
		size_t prev = t->made[nodes[0]];
		if (prev && bh_reuse__made_from(t->r, prev) == tr) {
			bh_reuse__again(t->r, prev, round);
		} else {
			bh_reuse__replayed(t->r, tr, nodes, round);
			t->made[nodes[0]] = bh_reuse__last(t->r);
		}
	}
	free(members);
	return ok;
}
