// SPDX-License-Identifier: MIT
// bh_summaries: function summaries as data. A scan writes what each
// function it analysed does, grouped by translation unit, and another scan
// reads it for the functions it has no body for. Each function has one
// member per analysis: "taint" (taint_summaries.c) and "memory"
// (mem_summaries.c); this file keeps the set and the file around them.
//
//   {
//    "format": "bulkhead-summaries",
//    "version": 1,
//    "tool": "bulkhead 0.1.0",
//    "units": [
//     {"unit": "src/run.c", "hash": "<32 hex: bh_hash128 of the file>", "functions": [
//      {"usr": "c:@F@run_cmd", "name": "run_cmd", "params": 1, "taint": {
//       "labels": [{"param": 0}],          // bit 1.. : a parameter or one of its fields
//       "ret": {"labels": [0], ...},        // bit 0: concrete taint
//       "writes": [...], "globals": [...],   // a write: "param" and "field" (what a
//                                            // parameter points to), or "returned":
//                                            // true and "field" (the returned object's)
//       "sinks": [{"rule": "c.command-injection", "bit": 1, "param": 0, "loc": {...},
//                  "path": [{"path": "src/run.c", "line": 3, "col": 2, "message": "..."}]}]},
//       "memory": {"params": [{"param": 0, "deref": true, "loc": {...}}]}}
//     ]}
//    ],
//    "tainted_globals": [{"key": "c:@config", "what": "...", "path": [...]}]
//   }
//
// Everything a caller's analysis uses is there, with the paths, so that a
// scan that reads the summaries of units it did not parse reports what a
// scan of all units would. Locations are relative to the context the
// summaries were made in; units that are not files of the reading scan's
// context are external (bh_summaries_mark_external).
//
// Reading trusts nothing: the file comes from the user, a cache or another
// machine. Each function entry is checked on its own (taint_summary_json.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/json.h"
#include "dataflow/summaries_internal.h"

#define SUMMARIES_FORMAT "bulkhead-summaries"
#define SUMMARIES_VERSION 1
// Parameter array elements and path steps a file may make the set hold:
// redis' summaries have 1.2 million steps.
#define PARAM_SLOTS ((size_t)1 << 24)

bh_summaries *bh_summaries_new(void)
{
	bh_summaries *s = bh_xcalloc(1, sizeof(*s));
	s->arena = bh_arena_new();
	s->slots_left = PARAM_SLOTS;
	return s;
}

void bh_summaries_free(bh_summaries *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->funcs.len; i++)
		bh_taint__summary_dispose(&s->funcs.items[i]->taint);
	bh_vec_dispose(&s->funcs);
	bh_vec_dispose(&s->units);
	bh_vec_dispose(&s->globals);
	free(s->by_usr);
	bh_strset_dispose(&s->paths);
	bh_strset_dispose(&s->usrs);
	bh_arena_free(s->arena);
	free(s);
}

size_t bh_summaries_count(const bh_summaries *s)
{
	return s ? s->funcs.len : 0;
}

// ------------------------------------------------------------- the set

static int compare_usr(const void *a, const void *b)
{
	const bh_summaries__entry *x = *(bh_summaries__entry *const *)a;
	const bh_summaries__entry *y = *(bh_summaries__entry *const *)b;
	int c = strcmp(x->usr, y->usr);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

void bh_summaries__index(bh_summaries *s)
{
	free(s->by_usr);
	s->by_usr = bh_xmalloc((s->funcs.len + 1) * sizeof(*s->by_usr));
	if (s->funcs.len)
		memcpy(s->by_usr, s->funcs.items, s->funcs.len * sizeof(*s->by_usr));
	qsort(s->by_usr, s->funcs.len, sizeof(*s->by_usr), compare_usr);
	s->nindexed = s->funcs.len;
}

// The first of the entries of `usr` in the index (they are together, in
// the order added), or nindexed.
static size_t first_of(const bh_summaries *s, const char *usr)
{
	size_t lo = 0, hi = s->nindexed;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(s->by_usr[mid]->usr, usr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nindexed && strcmp(s->by_usr[lo]->usr, usr) == 0 ? lo : s->nindexed;
}

bh_summaries__entry *bh_summaries__find_in(const bh_summaries *s, const char *usr, const char *path)
{
	if (!s || !s->by_usr || !usr)
		return NULL;
	for (size_t i = first_of(s, usr); i < s->nindexed && strcmp(s->by_usr[i]->usr, usr) == 0; i++)
		if (bh_str_equal(s->by_usr[i]->unit->path, path))
			return s->by_usr[i];
	return NULL;
}

bh_summaries__entry *bh_summaries__find_near(const bh_summaries *s, const char *usr, const char *from)
{
	if (!s || !s->by_usr || !usr)
		return NULL;
	size_t i = first_of(s, usr);
	if (i == s->nindexed)
		return NULL;
	bh_summaries__entry *best = s->by_usr[i];
	for (i++; i < s->nindexed && strcmp(s->by_usr[i]->usr, usr) == 0; i++)
		if (bh_callgraph_nearer(from, s->by_usr[i]->unit->path, best->unit->path))
			best = s->by_usr[i];
	return best;
}

const bh_summaries__entry *bh_summaries__linked(const bh_summaries *s, const bh_callgraph *g,
						const char *key, size_t *node)
{
	*node = bh_callgraph_node(g, key);
	if (!s)
		return NULL;
	const char *from = bh_callgraph_key_unit(g, key);
	const bh_summaries__entry *e = bh_summaries__find_near(s, key, from);
	if (!e || (*node != SIZE_MAX &&
		   !bh_callgraph_nearer(from, e->unit->path, g->unit_paths[g->unit_of[*node]])))
		return NULL;
	*node = SIZE_MAX;
	return e;
}

bh_summaries__unit *bh_summaries__new_unit(bh_summaries *s, const char *path)
{
	bh_summaries__unit *u = bh_arena_alloc(s->arena, sizeof(*u));
	u->path = bh_strset_intern(&s->paths, path);
	bh_vec_push(&s->units, u);
	return u;
}

bh_summaries__entry *bh_summaries__add(bh_summaries *s, bh_summaries__unit *unit, const char *usr,
				       const char *name, uint32_t nparams)
{
	// One entry per function and unit: two programs' definitions of one
	// name are two (their callers tell them apart, bh_summaries__find_near).
	// (The set keeps a copy of the key.)
	const char *path = unit->path ? unit->path : "";
	size_t len = strlen(usr) + 1 + strlen(path) + 1;
	char *key = bh_xmalloc(len);
	snprintf(key, len, "%s\x1f%s", usr, path);
	bool added = bh_strset_insert(&s->usrs, key);
	free(key);
	if (!added)
		return NULL;
	bh_summaries__entry *e = bh_arena_alloc(s->arena, sizeof(*e));
	e->unit = unit;
	e->order = s->funcs.len;
	e->usr = bh_arena_strdup(s->arena, usr);
	e->name = bh_arena_strdup(s->arena, name);
	e->nparams = nparams;
	bh_vec_push(&s->funcs, e);
	return e;
}

void *bh_summaries__param_array(bh_summaries *s, uint32_t n, size_t size)
{
	if (s->slots_left < (size_t)n + 1)
		return NULL;
	s->slots_left -= (size_t)n + 1;
	return bh_arena_alloc(s->arena, ((size_t)n + 1) * size);
}

json_t *bh_summaries__loc_to_json(bh_loc loc)
{
	json_t *o = json_object();
	json_object_set_new(o, "path", bh_json_string(loc.path));
	static const char *const keys[] = { "line", "col", "end_line", "end_col" };
	uint32_t values[] = { loc.line, loc.col, loc.end_line, loc.end_col };
	for (size_t i = 0; i < 4; i++)
		if (values[i])
			json_object_set_new(o, keys[i], json_integer(values[i]));
	return o;
}

// A location from its path and its line, col, end_line and end_col (each
// may be absent: 0); NULL, or what is wrong.
static const char *loc_from_parts(bh_summaries *s, json_t *path, json_t *const nums[4], bh_loc *out)
{
	memset(out, 0, sizeof(*out));
	uint32_t *values[] = { &out->line, &out->col, &out->end_line, &out->end_col };
	for (size_t i = 0; i < 4; i++) {
		json_t *v = nums[i];
		if (!v)
			continue;
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > UINT32_MAX)
			return "a location's line or column is not a number";
		*values[i] = (uint32_t)json_integer_value(v);
	}
	if (!json_is_string(path) || !json_string_length(path) || !out->line)
		return "a location has no path or line";
	out->path = bh_strset_intern(&s->paths, json_string_value(path));
	return NULL;
}

const char *bh_summaries__loc_from_json(json_t *o, bh_summaries *s, bh_loc *out)
{
	if (!json_is_object(o)) {
		memset(out, 0, sizeof(*out));
		return "a location is not an object";
	}
	json_t *const nums[4] = { json_object_get(o, "line"), json_object_get(o, "col"),
				  json_object_get(o, "end_line"), json_object_get(o, "end_col") };
	return loc_from_parts(s, json_object_get(o, "path"), nums, out);
}

// ------------------------------------------------------------- exporting

void bh_summaries__export_start(bh_summaries__exporter *x, const bh_ir_program *prog,
				const bh_callgraph *graph, bh_summaries *out)
{
	memset(x, 0, sizeof(*x));
	x->prog = prog;
	x->graph = graph;
	x->out = out;
	x->fn = prog->units.len ? prog->units.items[0].first : NULL;
}

bh_summaries__entry *bh_summaries__export_next(bh_summaries__exporter *x, size_t *node)
{
	while (x->unit < x->prog->units.len) {
		const bh_ir_unit *unit = &x->prog->units.items[x->unit];
		const bh_ir_func *fn = x->fn;
		if (!fn) {
			if (++x->unit < x->prog->units.len)
				x->fn = x->prog->units.items[x->unit].first;
			x->unit_entry = NULL;
			continue;
		}
		x->fn = fn->next;
		size_t n = fn->usr ? bh_callgraph_node(x->graph, fn->usr) : SIZE_MAX;
		if (n == SIZE_MAX || x->graph->funcs[n] != fn)
			continue;
		// Made by an earlier export (taint's, when memory's runs), or
		// new: a definition is one node, so one pass meets it once.
		const char *path = unit->path ? unit->path : fn->loc.path;
		bh_summaries__entry *e = bh_summaries__find_in(x->out, fn->usr, path);
		if (!e) {
			if (!x->unit_entry)
				x->unit_entry = bh_summaries__new_unit(x->out, path);
			e = bh_summaries__add(x->out, x->unit_entry, fn->usr, fn->name, fn->nparams);
		}
		if (!e)
			continue;
		*node = n;
		return e;
	}
	return NULL;
}

// ------------------------------------------------------------- paths

// Longest path a file may name: the analysis makes far shorter ones.
#define MAX_PATH_STEPS 4096

// Steps and path nodes written already, found without serialising them
// (that was an eighth of a redis scan that wrote summaries): a step by
// the addresses of its strings, which the set interns (one text at two
// addresses only costs a lookup by content), and its numbers; a node by
// its step and the node after it.
typedef struct {
	const char *path, *message; // path NULL: a free slot
	uint32_t line, col, end_line, end_col;
	json_int_t index;
} known_step;

typedef struct {
	json_int_t step, next;     // step -1: a free slot
	json_int_t index;
} known_node;

struct bh_summaries__paths {
	json_t *step_index;        // serialized step -> its index (a jansson hash table)
	json_t *steps;             // the "steps" array
	json_t *nodes;             // the "paths" array
	known_step *known_steps;   // open addressing, power-of-two capacity
	size_t nknown_steps, steps_cap;
	known_node *known_nodes;
	size_t nknown_nodes, nodes_cap;
};

static void paths_init(bh_summaries__paths *t)
{
	memset(t, 0, sizeof(*t));
	t->step_index = json_object();
	t->steps = json_array();
	t->nodes = json_array();
}

static void paths_dispose(bh_summaries__paths *t)
{
	json_decref(t->step_index);
	json_decref(t->steps);
	json_decref(t->nodes);
	free(t->known_steps);
	free(t->known_nodes);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static size_t step_slot(const known_step *tab, size_t cap, const bh_finding_step *st)
{
	uint64_t h = mix(mix(mix(0, (uintptr_t)st->loc.path), (uintptr_t)st->message),
			 ((uint64_t)st->loc.line << 32 | st->loc.col) ^ ((uint64_t)st->loc.end_line << 20) ^
				 st->loc.end_col);
	size_t i = (size_t)h & (cap - 1);
	for (; tab[i].path; i = (i + 1) & (cap - 1)) {
		const known_step *k = &tab[i];
		if (k->path == st->loc.path && k->message == st->message && k->line == st->loc.line &&
		    k->col == st->loc.col && k->end_line == st->loc.end_line && k->end_col == st->loc.end_col)
			break;
	}
	return i;
}

static size_t node_slot(const known_node *tab, size_t cap, json_int_t step, json_int_t next)
{
	size_t i = (size_t)mix(mix(0, (uint64_t)step), (uint64_t)next) & (cap - 1);
	while (tab[i].step >= 0 && (tab[i].step != step || tab[i].next != next))
		i = (i + 1) & (cap - 1);
	return i;
}

// Room for one more entry in a table kept at most half full.
static void grow_steps(bh_summaries__paths *t)
{
	if (2 * (t->nknown_steps + 1) <= t->steps_cap)
		return;
	size_t cap = t->steps_cap ? 2 * t->steps_cap : 1024;
	known_step *tab = bh_xcalloc(cap, sizeof(*tab));
	for (size_t i = 0; i < t->steps_cap; i++) {
		const known_step *k = &t->known_steps[i];
		if (!k->path)
			continue;
		bh_finding_step st = { .message = k->message };
		st.loc = (bh_loc){ k->path, k->line, k->col, k->end_line, k->end_col };
		tab[step_slot(tab, cap, &st)] = *k;
	}
	free(t->known_steps);
	t->known_steps = tab;
	t->steps_cap = cap;
}

static void grow_nodes(bh_summaries__paths *t)
{
	if (2 * (t->nknown_nodes + 1) <= t->nodes_cap)
		return;
	size_t cap = t->nodes_cap ? 2 * t->nodes_cap : 1024;
	known_node *tab = bh_xmalloc(cap * sizeof(*tab));
	for (size_t i = 0; i < cap; i++)
		tab[i].step = -1;
	for (size_t i = 0; i < t->nodes_cap; i++)
		if (t->known_nodes[i].step >= 0)
			tab[node_slot(tab, cap, t->known_nodes[i].step, t->known_nodes[i].next)] = t->known_nodes[i];
	free(t->known_nodes);
	t->known_nodes = tab;
	t->nodes_cap = cap;
}

static json_int_t index_of(json_t *index, json_t *array, const char *key, json_t *value)
{
	json_t *known = json_object_get(index, key);
	if (known) {
		json_decref(value);
		return json_integer_value(known);
	}
	json_int_t i = (json_int_t)json_array_size(array);
	json_array_append_new(array, value);
	json_object_set_new(index, key, json_integer(i));
	return i;
}

json_t *bh_summaries__path_ref(bh_summaries__paths *t, const bh_taint__path *p)
{
	if (!p->len)
		return NULL;
	// Last step first: a node's next is written before it.
	const bh_finding_step **order = bh_xmalloc(p->len * sizeof(*order));
	size_t n = 0;
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, p);
	for (const bh_finding_step *st; n < p->len && (st = bh_taint__path_next(&it)) != NULL;)
		order[n++] = st;
	json_int_t next = -1;
	for (size_t i = n; i-- > 0;) {
		const bh_finding_step *st = order[i];
		json_int_t s;
		grow_steps(t);
		known_step *ks = st->loc.path ? &t->known_steps[step_slot(t->known_steps, t->steps_cap, st)] : NULL;
		if (ks && ks->path) {
			s = ks->index;
		} else {
			json_t *step = json_pack("[o,I,I,I,I,o]", bh_json_string(st->loc.path),
						 (json_int_t)st->loc.line, (json_int_t)st->loc.col,
						 (json_int_t)st->loc.end_line, (json_int_t)st->loc.end_col,
						 bh_json_string(st->message));
			char *key = json_dumps(step, JSON_COMPACT);
			s = index_of(t->step_index, t->steps, key, step);
			free(key);
			if (ks) {
				*ks = (known_step){ st->loc.path, st->message, st->loc.line, st->loc.col,
						    st->loc.end_line, st->loc.end_col, s };
				t->nknown_steps++;
			}
		}
		grow_nodes(t);
		known_node *kn = &t->known_nodes[node_slot(t->known_nodes, t->nodes_cap, s, next)];
		if (kn->step < 0) {
			*kn = (known_node){ s, next, (json_int_t)json_array_size(t->nodes) };
			t->nknown_nodes++;
			json_array_append_new(t->nodes, json_pack("[I,I]", s, next));
		}
		next = kn->index;
	}
	free(order);
	return json_integer(next);
}

const char *bh_summaries__path_get(bh_summaries *s, json_t *ref, bh_taint__path *out)
{
	memset(out, 0, sizeof(*out));
	if (!ref)
		return NULL;
	const bh_summaries__tables *t = s->reading;
	if (!t || !json_is_integer(ref) || json_integer_value(ref) < 0 ||
	    (size_t)json_integer_value(ref) >= t->nnodes)
		return "a path names no node of \"paths\"";
	size_t len = 0;
	for (int64_t n = json_integer_value(ref); n >= 0; n = t->node_next[n])
		if (++len > MAX_PATH_STEPS)
			return "a path is too long";
	if (s->slots_left < len)
		return "more path steps than a summaries file may hold";
	s->slots_left -= len;
	bh_finding_step *steps = bh_xmalloc(len * sizeof(*steps));
	size_t i = 0;
	for (int64_t n = json_integer_value(ref); n >= 0; n = t->node_next[n])
		steps[i++] = t->steps[t->node_step[n]];
	*out = bh_taint__path_make(s->arena, steps, len, (bh_taint__path){ NULL, 0, 0 });
	free(steps);
	return NULL;
}

bh_taint__path bh_summaries__path_copy(bh_summaries *s, const bh_taint__path *p)
{
	bh_taint__path out = { NULL, 0, 0 };
	if (!p->len)
		return out;
	bh_finding_step *steps = bh_xmalloc(p->len * sizeof(*steps));
	size_t n = 0;
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, p);
	for (const bh_finding_step *st; n < p->len && (st = bh_taint__path_next(&it)) != NULL; n++) {
		steps[n].loc = st->loc;
		steps[n].loc.path = st->loc.path ? bh_strset_intern(&s->paths, st->loc.path) : NULL;
		steps[n].message = bh_strset_intern(&s->paths, st->message ? st->message : "");
	}
	out = bh_taint__path_make(s->arena, steps, n, out);
	free(steps);
	return out;
}

// Decode the "steps" and "paths" tables of a file; NULL, or what is wrong.
static const char *read_tables(bh_summaries *s, json_t *steps, json_t *nodes, bh_summaries__tables *t)
{
	memset(t, 0, sizeof(*t));
	if ((steps && !json_is_array(steps)) || (nodes && !json_is_array(nodes)))
		return "\"steps\" or \"paths\" is not an array";
	t->nsteps = json_array_size(steps);
	t->steps = bh_arena_alloc(s->arena, (t->nsteps + 1) * sizeof(*t->steps));
	for (size_t i = 0; i < t->nsteps; i++) {
		json_t *st = json_array_get(steps, i);
		json_t *fields[6];
		for (size_t k = 0; k < 6; k++)
			fields[k] = json_array_get(st, k);
		if (json_array_size(st) != 6 || !json_is_string(fields[0]) || !json_is_string(fields[5]))
			return "a step is not [path, line, col, end_line, end_col, message]";
		const char *error = loc_from_parts(s, fields[0], fields + 1, &t->steps[i].loc);
		if (error)
			return error;
		t->steps[i].message = bh_strset_intern(&s->paths, json_string_value(fields[5]));
	}
	t->nnodes = json_array_size(nodes);
	t->node_step = bh_arena_alloc(s->arena, (t->nnodes + 1) * sizeof(*t->node_step));
	t->node_next = bh_arena_alloc(s->arena, (t->nnodes + 1) * sizeof(*t->node_next));
	for (size_t i = 0; i < t->nnodes; i++) {
		json_t *node = json_array_get(nodes, i);
		json_t *step = json_array_get(node, 0), *next = json_array_get(node, 1);
		// A node's next comes before it: chains end, never loop.
		if (json_array_size(node) != 2 || !json_is_integer(step) || !json_is_integer(next) ||
		    json_integer_value(step) < 0 || (size_t)json_integer_value(step) >= t->nsteps ||
		    json_integer_value(next) < -1 || json_integer_value(next) >= (json_int_t)i)
			return "a path node is not [step, earlier node or -1]";
		t->node_step[i] = (uint32_t)json_integer_value(step);
		t->node_next[i] = json_integer_value(next);
	}
	return NULL;
}

// ------------------------------------------------------------- reading

static void malformed(bh_diags *diags, const char *origin, const char *message)
{
	bh_diag_add(diags, BH_LEVEL_ERROR, "summaries.malformed", origin, 0, 0, "%s", message);
}

static void read_globals(bh_summaries *s, json_t *a, const char *origin, bh_diags *diags)
{
	size_t i;
	json_t *g;
	json_array_foreach(a, i, g) {
		bh_taint__tainted_global tg;
		if (bh_taint__global_from_json(g, s, &tg))
			bh_vec_push(&s->globals, tg);
		else
			malformed(diags, origin, "a tainted global is malformed; skipped");
	}
}

static bool is_hash(json_t *h)
{
	if (!json_is_string(h) || json_string_length(h) != 32)
		return false;
	for (const char *p = json_string_value(h); *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

// One function's entry: its identity, then each analysis' member.
static const char *read_function(bh_summaries *s, bh_summaries__unit *unit, json_t *f)
{
	json_t *usr = json_object_get(f, "usr"), *name = json_object_get(f, "name");
	json_t *params = json_object_get(f, "params");
	json_t *taint = json_object_get(f, "taint"), *mem = json_object_get(f, "memory");
	if (!json_is_string(usr) || !json_string_length(usr) || !json_is_string(name))
		return "no usr or name";
	if (!json_is_integer(params) || json_integer_value(params) < 0 ||
	    json_integer_value(params) > UINT16_MAX)
		return "'params' is not a parameter count";
	if ((taint && !json_is_object(taint)) || (mem && !json_is_object(mem)) || (!taint && !mem))
		return "no \"taint\" or \"memory\" object";
	// Checked first, added after: a bad entry adds nothing.
	bh_summaries__entry id = { unit, 0, json_string_value(usr), json_string_value(name),
				   (uint32_t)json_integer_value(params), false, { 0 }, NULL };
	const char *error = NULL;
	bh_taint__summary ts;
	memset(&ts, 0, sizeof(ts));
	bool ok = !taint || bh_taint__summary_from_json(taint, &id, s, &ts, &error);
	bh_mem__summary *ms = ok && mem ? bh_mem__summary_from_json(mem, &id, s, &error) : NULL;
	ok = ok && (!mem || ms);
	bh_summaries__entry *e = ok ? bh_summaries__add(s, unit, id.usr, id.name, id.nparams) : NULL;
	if (!e) {
		bh_taint__summary_dispose(&ts);
		return ok ? NULL : error ? error : "malformed"; // held already: the first one wins
	}
	e->has_taint = taint != NULL;
	if (taint) {
		e->taint = ts;
		e->taint.usr = e->usr;
		e->taint.name = e->name;
	}
	if (ms) {
		ms->usr = e->usr;
		ms->name = e->name;
	}
	e->mem = ms;
	return NULL;
}

static size_t read_unit(bh_summaries *s, json_t *u, const char *origin, bh_diags *diags)
{
	json_t *path = json_object_get(u, "unit"), *funcs = json_object_get(u, "functions");
	json_t *hash = json_object_get(u, "hash");
	if (!json_is_string(path) || !json_string_length(path) || !json_is_array(funcs) ||
	    (hash && !is_hash(hash))) {
		malformed(diags, origin, "a unit without a path, a function list or a valid hash; skipped");
		return 0;
	}
	bh_summaries__unit *unit = bh_summaries__new_unit(s, json_string_value(path));
	unit->hash = hash ? bh_arena_strdup(s->arena, json_string_value(hash)) : NULL;
	size_t before = s->funcs.len, i;
	json_t *f;
	json_array_foreach(funcs, i, f) {
		const char *error = read_function(s, unit, f);
		if (!error)
			continue;
		const char *usr = json_string_value(json_object_get(f, "usr"));
		char *msg = bh_arena_sprintf(s->arena, "function %zu of unit '%s' (%s): %s; skipped", i + 1,
					     json_string_value(path), usr ? usr : "no usr", error);
		malformed(diags, origin, msg);
	}
	return s->funcs.len - before;
}

size_t bh_summaries_read(bh_summaries *s, const char *text, size_t len, const char *origin,
			 bh_diags *diags)
{
	if (len > BH_SUMMARIES_MAX_BYTES) {
		malformed(diags, origin, "too large for a summaries file");
		return 0;
	}
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "summaries.malformed", origin,
			    (uint32_t)(err.line > 0 ? err.line : 0), (uint32_t)(err.column > 0 ? err.column : 0),
			    "not JSON: %s", err.text);
		return 0;
	}
	json_t *format = json_object_get(root, "format"), *version = json_object_get(root, "version");
	json_t *units = json_object_get(root, "units"), *globals = json_object_get(root, "tainted_globals");
	bh_summaries__tables tables;
	const char *bad_tables = NULL;
	size_t added = 0;
	if (!json_is_string(format) || strcmp(json_string_value(format), SUMMARIES_FORMAT) != 0 ||
	    !json_is_array(units) || (globals && !json_is_array(globals))) {
		malformed(diags, origin, "not a Bulkhead summaries file (\"format\": \"" SUMMARIES_FORMAT
			  "\" and \"units\" expected)");
	} else if (!json_is_integer(version) || json_integer_value(version) != SUMMARIES_VERSION) {
		malformed(diags, origin, "unsupported summaries version; write it again with this Bulkhead");
	} else if ((bad_tables = read_tables(s, json_object_get(root, "steps"), json_object_get(root, "paths"),
					     &tables))) {
		malformed(diags, origin, bh_arena_sprintf(s->arena, "%s; nothing is read", bad_tables));
	} else {
		s->reading = &tables;
		size_t i;
		json_t *u;
		json_array_foreach(units, i, u)
			added += read_unit(s, u, origin, diags);
		read_globals(s, globals, origin, diags);
		s->reading = NULL;
		bh_summaries__index(s);
	}
	json_decref(root);
	return added;
}

// ------------------------------------------------------------- context

void bh_summaries_hash_units(bh_summaries *s,
			     bool (*hash)(void *payload, const char *path, char out[33]),
			     void *payload)
{
	for (size_t i = 0; i < s->units.len; i++) {
		char hex[33];
		bh_summaries__unit *u = s->units.items[i];
		u->hash = hash(payload, u->path, hex) ? bh_arena_strdup(s->arena, hex) : NULL;
	}
}

void bh_summaries_mark_external(bh_summaries *s,
				bool (*in_context)(void *payload, const char *path, const char *hash),
				void *payload)
{
	for (size_t i = 0; i < s->units.len; i++) {
		bh_summaries__unit *u = s->units.items[i];
		u->external = u->external || !in_context(payload, u->path, u->hash);
	}
	for (size_t k = 0; k < s->funcs.len; k++) {
		bh_summaries__entry *e = s->funcs.items[k];
		if (!e->unit->external)
			continue;
		if (e->has_taint && !e->taint.external) {
			e->taint.external = true;
			bh_taint__summary_drop_paths(&e->taint);
		}
		if (e->mem)
			bh_mem__summary_drop_paths(e->mem);
	}
	for (size_t i = 0; i < s->globals.len; i++)
		bh_taint__global_check_path(&s->globals.items[i], in_context, payload);
}

// ------------------------------------------------------------- writing

// By unit path, then in the order added.
static int compare_entries(const void *a, const void *b)
{
	const bh_summaries__entry *x = *(bh_summaries__entry *const *)a;
	const bh_summaries__entry *y = *(bh_summaries__entry *const *)b;
	int c = strcmp(x->unit->path, y->unit->path);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

// One compact JSON value on `out`; false when it fails.
static bool dump(FILE *out, json_t *v)
{
	int rc = json_dumpf(v, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
	json_decref(v);
	return rc == 0;
}

static json_t *entry_json(const bh_summaries__entry *e, bh_summaries__paths *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "usr", bh_json_string(e->usr));
	json_object_set_new(o, "name", bh_json_string(e->name));
	json_object_set_new(o, "params", json_integer(e->nparams));
	if (e->has_taint)
		json_object_set_new(o, "taint", bh_taint__summary_to_json(&e->taint, t));
	if (e->mem)
		json_object_set_new(o, "memory", bh_mem__summary_to_json(e->mem));
	return o;
}

// One function or global per line: small diffs when a cached or
// committed file is written again, and still one JSON document.
bh_status bh_summaries_write(const bh_summaries *s, FILE *out)
{
	// Units sorted by path (one entry per path, with the first one's
	// hash), a unit's functions in the order they came.
	bh_summaries__entry **sorted = bh_xmalloc((s->funcs.len + 1) * sizeof(*sorted));
	if (s->funcs.len)
		memcpy(sorted, s->funcs.items, s->funcs.len * sizeof(*sorted));
	qsort(sorted, s->funcs.len, sizeof(*sorted), compare_entries);

	bh_summaries__paths paths;
	paths_init(&paths);
	bool ok = fprintf(out, "{\"format\":\"%s\",\"version\":%d,\"tool\":\"bulkhead %s\",\"units\":[",
			  SUMMARIES_FORMAT, SUMMARIES_VERSION, BH_VERSION) > 0;
	const bh_summaries__unit *unit = NULL;
	for (size_t i = 0; ok && i < s->funcs.len; i++) {
		const bh_summaries__entry *e = sorted[i];
		if (!e->has_taint && !e->mem)
			continue; // no analysis finished it (a budget ran out first)
		bool first = !unit || strcmp(unit->path, e->unit->path) != 0;
		if (first) {
			ok = fputs(unit ? "]},\n{\"unit\":" : "\n{\"unit\":", out) >= 0 &&
			     dump(out, bh_json_string(e->unit->path));
			unit = e->unit;
			if (ok && unit->hash)
				ok = fprintf(out, ",\"hash\":\"%s\"", unit->hash) > 0;
			ok = ok && fputs(",\"functions\":[", out) >= 0;
		}
		ok = ok && fputs(first ? "\n" : ",\n", out) >= 0 && dump(out, entry_json(e, &paths));
	}
	ok = ok && fputs(unit ? "]}],\n\"tainted_globals\":[" : "],\n\"tainted_globals\":[", out) >= 0;
	for (size_t i = 0; ok && i < s->globals.len; i++)
		ok = fputs(i ? ",\n" : "\n", out) >= 0 &&
		     dump(out, bh_taint__global_to_json(&s->globals.items[i], &paths));
	// The tables the entries' paths name, one step or node per line.
	static const char *const names[] = { "],\n\"steps\":[", "],\n\"paths\":[" };
	json_t *tables[] = { paths.steps, paths.nodes };
	for (size_t k = 0; k < 2; k++) {
		ok = ok && fputs(names[k], out) >= 0;
		for (size_t i = 0; ok && i < json_array_size(tables[k]); i++)
			ok = fputs(i ? ",\n" : "\n", out) >= 0 && dump(out, json_incref(json_array_get(tables[k], i)));
	}
	ok = ok && fputs("]}\n", out) >= 0;
	paths_dispose(&paths);
	free(sorted);
	return ok && !ferror(out) ? BH_OK : BH_EIO;
}
