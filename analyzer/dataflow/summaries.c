// SPDX-License-Identifier: MIT
// bh_summaries: function summaries as data. A scan writes what each
// function it analysed does, grouped by translation unit, and another scan
// reads it for the functions it has no body for. Each function has one
// member per analysis; the taint analysis' ("taint") is the only one yet.
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
//       "writes": [...], "globals": [...],
//       "sinks": [{"rule": "c.command-injection", "bit": 1, "param": 0, "loc": {...},
//                  "path": [{"path": "src/run.c", "line": 3, "col": 2, "message": "..."}]}]}}
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
#include <stdlib.h>
#include <string.h>

#include "bulkhead/json.h"
#include "dataflow/summaries_internal.h"

#define SUMMARIES_FORMAT "bulkhead-summaries"
#define SUMMARIES_VERSION 1
// Summaries of a 20,000-function program take tens of MB.
#define SUMMARIES_MAX_BYTES BH_SUMMARIES_MAX_BYTES
// Parameters written, over every function that writes one: a few thousand
// in redis or sqlite3. 64 bytes each.
#define PARAM_SLOTS ((size_t)1 << 22)

bh_summaries *bh_summaries_new(void)
{
	bh_summaries *s = bh_xcalloc(1, sizeof(*s));
	s->arena = bh_arena_new();
	s->slots_left = PARAM_SLOTS;
	return s;
}

static void dispose_summary(bh_taint__summary *sum)
{
	bh_vec_dispose(&sum->sinks);
	bh_vec_dispose(&sum->fields);
	bh_vec_dispose(&sum->globals);
}

void bh_summaries_free(bh_summaries *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->funcs.len; i++)
		dispose_summary(&s->funcs.items[i]->sum);
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

static int compare_usr(const void *a, const void *b)
{
	const bh_taint__stored *x = *(bh_taint__stored *const *)a, *y = *(bh_taint__stored *const *)b;
	return strcmp(x->sum.usr, y->sum.usr);
}

static void index_by_usr(bh_summaries *s)
{
	free(s->by_usr);
	s->by_usr = bh_xmalloc((s->funcs.len + 1) * sizeof(*s->by_usr));
	if (s->funcs.len)
		memcpy(s->by_usr, s->funcs.items, s->funcs.len * sizeof(*s->by_usr));
	qsort(s->by_usr, s->funcs.len, sizeof(*s->by_usr), compare_usr);
}

const bh_taint__summary *bh_taint__imported(const bh_summaries *s, const char *usr)
{
	if (!s || !s->funcs.len || !usr)
		return NULL;
	size_t lo = 0, hi = s->funcs.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->by_usr[mid]->sum.usr, usr);
		if (c == 0)
			return &s->by_usr[mid]->sum;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bh_taint__unit *new_unit(bh_summaries *s, const char *path, const char *hash)
{
	bh_taint__unit *u = bh_arena_alloc(s->arena, sizeof(*u));
	u->path = bh_strset_intern(&s->paths, path);
	u->hash = hash ? bh_arena_strdup(s->arena, hash) : NULL;
	bh_vec_push(&s->units, u);
	return u;
}

// Take `sum` (read into the set's arena) for `unit`, unless the set has
// that function already: the first summary of a USR wins.
static bool add(bh_summaries *s, bh_taint__unit *unit, bh_taint__summary *sum)
{
	if (!bh_strset_insert(&s->usrs, sum->usr)) {
		dispose_summary(sum);
		return false;
	}
	bh_taint__stored *st = bh_arena_alloc(s->arena, sizeof(*st));
	st->unit = unit;
	st->order = s->funcs.len;
	st->sum = *sum;
	bh_vec_push(&s->funcs, st);
	return true;
}

// ------------------------------------------------------------- reading

static void malformed(bh_diags *diags, const char *origin, const char *message)
{
	bh_diag_add(diags, BH_LEVEL_ERROR, "summaries.malformed", origin, 0, 0, "%s", message);
}

static void read_globals(bh_summaries *s, json_t *a, const char *origin, bh_diags *diags)
{
	if (!a)
		return;
	size_t i;
	json_t *g;
	json_array_foreach(a, i, g) {
		json_t *key = json_object_get(g, "key"), *what = json_object_get(g, "what");
		json_t *local = json_object_get(g, "local");
		bh_taint__tainted_global tg = { 0 };
		if (!json_is_string(key) || (what && !json_is_string(what)) ||
		    (local && !json_is_boolean(local)) ||
		    !bh_taint__path_from_json(json_object_get(g, "path"), s->arena, &s->paths, &tg.path)) {
			malformed(diags, origin, "a tainted global is malformed; skipped");
			continue;
		}
		tg.key = bh_arena_strdup(s->arena, json_string_value(key));
		tg.what = what ? bh_arena_strdup(s->arena, json_string_value(what)) : "untrusted input";
		tg.local = json_is_true(local);
		bh_vec_push(&s->globals, tg);
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

static size_t read_unit(bh_summaries *s, json_t *u, const char *origin, bh_diags *diags)
{
	json_t *path = json_object_get(u, "unit"), *funcs = json_object_get(u, "functions");
	json_t *hash = json_object_get(u, "hash");
	if (!json_is_string(path) || !json_string_length(path) || !json_is_array(funcs) ||
	    (hash && !is_hash(hash))) {
		malformed(diags, origin, "a unit without a path, a function list or a valid hash; skipped");
		return 0;
	}
	bh_taint__unit *unit = new_unit(s, json_string_value(path), json_string_value(hash));
	size_t added = 0, i;
	json_t *f;
	json_array_foreach(funcs, i, f) {
		bh_taint__summary sum;
		const char *error = NULL;
		if (!bh_taint__summary_from_json(f, s->arena, &s->paths, &s->slots_left, &sum, &error)) {
			dispose_summary(&sum);
			const char *usr = json_string_value(json_object_get(f, "usr"));
			char *msg = bh_arena_sprintf(s->arena, "function %zu of unit '%s' (%s): %s; skipped",
						     i + 1, json_string_value(path), usr ? usr : "no usr",
						     error ? error : "malformed");
			malformed(diags, origin, msg);
			continue;
		}
		added += add(s, unit, &sum);
	}
	return added;
}

size_t bh_summaries_read(bh_summaries *s, const char *text, size_t len, const char *origin,
			 bh_diags *diags)
{
	if (len > SUMMARIES_MAX_BYTES) {
		malformed(diags, origin, "larger than 512 MB: not a summaries file");
		return 0;
	}
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "summaries.malformed", origin, (uint32_t)(err.line > 0 ? err.line : 0),
			    (uint32_t)(err.column > 0 ? err.column : 0), "not JSON: %s", err.text);
		return 0;
	}
	json_t *format = json_object_get(root, "format"), *version = json_object_get(root, "version");
	json_t *units = json_object_get(root, "units");
	size_t added = 0;
	if (!json_is_string(format) || strcmp(json_string_value(format), SUMMARIES_FORMAT) != 0 ||
	    !json_is_array(units)) {
		malformed(diags, origin, "not a Bulkhead taint summaries file (\"format\": \""
			  SUMMARIES_FORMAT "\" and \"units\" expected)");
	} else if (!json_is_integer(version) || json_integer_value(version) != SUMMARIES_VERSION) {
		malformed(diags, origin, "unsupported summaries version; write it again with this Bulkhead");
	} else {
		size_t i;
		json_t *u;
		json_array_foreach(units, i, u)
			added += read_unit(s, u, origin, diags);
		read_globals(s, json_object_get(root, "tainted_globals"), origin, diags);
		index_by_usr(s);
	}
	json_decref(root);
	return added;
}

// ------------------------------------------------------------- external

static void drop_paths(bh_taint__summary *sum)
{
	sum->ret_path.len = 0;
	for (uint32_t j = 0; sum->param_out && j < sum->nparams; j++)
		sum->param_out_path[j].len = 0;
	for (size_t k = 0; k < sum->fields.len; k++)
		sum->fields.items[k].path.len = 0;
	for (size_t k = 0; k < sum->sinks.len; k++)
		sum->sinks.items[k].path.len = 0;
	for (size_t k = 0; k < sum->globals.len; k++)
		sum->globals.items[k].path.len = 0;
}

void bh_summaries_hash_units(bh_summaries *s,
			     bool (*hash)(void *payload, const char *path, char out[33]),
			     void *payload)
{
	for (size_t i = 0; i < s->units.len; i++) {
		char hex[33];
		bh_taint__unit *u = s->units.items[i];
		u->hash = hash(payload, u->path, hex) ? bh_arena_strdup(s->arena, hex) : NULL;
	}
}

void bh_summaries_mark_external(bh_summaries *s,
				bool (*in_context)(void *payload, const char *path, const char *hash),
				void *payload)
{
	for (size_t i = 0; i < s->units.len; i++) {
		bh_taint__unit *u = s->units.items[i];
		u->external = u->external || !in_context(payload, u->path, u->hash);
	}
	for (size_t k = 0; k < s->funcs.len; k++) {
		bh_taint__stored *st = s->funcs.items[k];
		if (st->unit->external && !st->sum.external) {
			st->sum.external = true;
			drop_paths(&st->sum);
		}
	}
	// A global's path is shown whole or not at all.
	for (size_t i = 0; i < s->globals.len; i++) {
		bh_taint__path *p = &s->globals.items[i].path;
		for (size_t k = 0; k < p->len; k++)
			if (!in_context(payload, p->steps[k].loc.path, NULL)) {
				p->len = 0;
				break;
			}
	}
}

// ------------------------------------------------------------- exporting

void bh_taint__export(const bh_taint__program *p, const bh_ir_program *prog,
		      bh_summaries *out)
{
	for (size_t u = 0; u < prog->units.len; u++) {
		const bh_ir_unit *unit = &prog->units.items[u];
		bh_taint__unit *entry = NULL;
		for (const bh_ir_func *fn = unit->first; fn; fn = fn->next) {
			size_t node = fn->usr ? bh_callgraph_node(p->graph, fn->usr) : SIZE_MAX;
			// A definition repeated in another unit (a header's static
			// inline function) belongs to the first.
			if (node == SIZE_MAX || p->graph->funcs[node] != fn || !p->sums[node] ||
			    !p->sums[node]->analysed)
				continue;
			// Through the file format, so that what is exported is
			// exactly what a reader gets.
			json_t *j = bh_taint__summary_to_json(p->sums[node]);
			bh_taint__summary sum;
			const char *error;
			if (bh_taint__summary_from_json(j, out->arena, &out->paths, &out->slots_left, &sum, &error)) {
				if (!entry)
					entry = new_unit(out, unit->path ? unit->path : fn->loc.path, NULL);
				add(out, entry, &sum);
			} else
				dispose_summary(&sum); // unreachable: the writer makes valid entries
			json_decref(j);
		}
	}
	for (size_t i = 0; i < p->tainted.len; i++) {
		const bh_taint__tainted_global *g = &p->tainted.items[i];
		bh_taint__tainted_global copy = { bh_arena_strdup(out->arena, g->key), { NULL, 0 },
						  bh_arena_strdup(out->arena, g->what), g->local };
		json_t *path = bh_taint__path_to_json(&g->path);
		(void)bh_taint__path_from_json(path, out->arena, &out->paths, &copy.path);
		json_decref(path);
		bh_vec_push(&out->globals, copy);
	}
	index_by_usr(out);
}

void bh_taint__import_globals(bh_taint__program *p, const bh_summaries *s)
{
	for (size_t i = 0; s && i < s->globals.len; i++) {
		const bh_taint__tainted_global *g = &s->globals.items[i];
		bh_taint__taint_global(p, g->key, g->path, g->what, g->local);
	}
}

// ------------------------------------------------------------- writing

// By unit path, then in the order added.
static int compare_stored(const void *a, const void *b)
{
	const bh_taint__stored *x = *(bh_taint__stored *const *)a, *y = *(bh_taint__stored *const *)b;
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

static json_t *global_json(const bh_taint__tainted_global *g)
{
	json_t *o = json_object();
	json_object_set_new(o, "key", bh_json_string(g->key));
	json_object_set_new(o, "what", bh_json_string(g->what));
	if (g->local)
		json_object_set_new(o, "local", json_true());
	json_t *path = bh_taint__path_to_json(&g->path);
	if (path)
		json_object_set_new(o, "path", path);
	return o;
}

// One function or global per line: small diffs when a cached or
// committed file is written again, and still one JSON document.
bh_status bh_summaries_write(const bh_summaries *s, FILE *out)
{
	// Units sorted by path (one entry per path, with the first one's
	// hash), a unit's functions in the order they came.
	bh_taint__stored **sorted = bh_xmalloc((s->funcs.len + 1) * sizeof(*sorted));
	if (s->funcs.len)
		memcpy(sorted, s->funcs.items, s->funcs.len * sizeof(*sorted));
	qsort(sorted, s->funcs.len, sizeof(*sorted), compare_stored);

	bool ok = fprintf(out, "{\"format\":\"%s\",\"version\":%d,\"tool\":\"bulkhead %s\",\"units\":[",
			  SUMMARIES_FORMAT, SUMMARIES_VERSION, BH_VERSION) > 0;
	const bh_taint__unit *unit = NULL;
	for (size_t i = 0; ok && i < s->funcs.len; i++) {
		const bh_taint__stored *st = sorted[i];
		bool first = !unit || strcmp(unit->path, st->unit->path) != 0;
		if (first) {
			unit = st->unit;
			ok = fputs(i ? "]},\n{\"unit\":" : "\n{\"unit\":", out) >= 0 &&
			     dump(out, bh_json_string(unit->path));
			if (ok && unit->hash)
				ok = fprintf(out, ",\"hash\":\"%s\"", unit->hash) > 0;
			ok = ok && fputs(",\"functions\":[", out) >= 0;
		}
		ok = ok && fputs(first ? "\n" : ",\n", out) >= 0 &&
		     dump(out, bh_taint__summary_to_json(&st->sum));
	}
	ok = ok && fputs(unit ? "]}],\n\"tainted_globals\":[" : "],\n\"tainted_globals\":[", out) >= 0;
	for (size_t i = 0; ok && i < s->globals.len; i++)
		ok = fputs(i ? ",\n" : "\n", out) >= 0 && dump(out, global_json(&s->globals.items[i]));
	ok = ok && fputs("]}\n", out) >= 0;
	free(sorted);
	return ok && !ferror(out) ? BH_OK : BH_EIO;
}
