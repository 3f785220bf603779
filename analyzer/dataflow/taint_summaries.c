// SPDX-License-Identifier: MIT
// The taint analysis' part of summaries as data (summaries.c has the file
// around it): a function's "taint" member to JSON and back, the tainted
// globals, and the export of a whole-program run. Reading trusts nothing: every number is range-checked against the
// summary's own label count and parameter count, so that a corrupt or
// hostile file can make a summary wrong but never make the analysis index
// out of bounds.
#include <string.h>

#include <jansson.h>

#include "bulkhead/json.h"
#include "dataflow/summaries_internal.h"

// --------------------------------------------------------------- writing

static void set(json_t *obj, const char *key, json_t *v)
{
	json_object_set_new(obj, key, v);
}

static void set_str(json_t *obj, const char *key, const char *s)
{
	if (s)
		set(obj, key, bh_json_string(s));
}

static void set_uint(json_t *obj, const char *key, uint64_t v)
{
	if (v)
		set(obj, key, json_integer((json_int_t)v));
}

static void set_true(json_t *obj, const char *key, bool v)
{
	if (v)
		set(obj, key, json_true());
}

// A label set as the list of its bit numbers: readable, and independent
// of how wide JSON integers are.
static void set_bits(json_t *obj, const char *key, uint64_t bits)
{
	if (!bits)
		return;
	json_t *a = json_array();
	for (unsigned b = 0; b < 64; b++)
		if (bits & ((uint64_t)1 << b))
			json_array_append_new(a, json_integer(b));
	set(obj, key, a);
}

static json_t *val_json(const bh_taint__val *v)
{
	json_t *o = json_object();
	// Bounds are facts about labels the value has (what a reader keeps).
	set_bits(o, "labels", v->labels);
	set_bits(o, "no_upper", v->no_upper & v->labels);
	set_bits(o, "no_lower", v->no_lower & v->labels);
	set_uint(o, "small", v->small);
	set_bits(o, "sized", v->sized & v->labels);
	set_true(o, "local", v->local);
	return o;
}

static json_t *loc_json(bh_loc loc)
{
	return bh_summaries__loc_to_json(loc);
}

static void set_path(json_t *obj, const char *key, const bh_taint__path *p, bh_summaries__paths *t)
{
	if (p->len)
		set(obj, key, bh_summaries__path_ref(t, p));
}

static json_t *sink_json(const bh_taint__sink *k, bh_summaries__paths *t)
{
	const bh_taint__sink_site *at = k->site;
	json_t *o = json_object();
	set_str(o, "rule", at->rule->id);
	set(o, "bit", json_integer(k->bit));
	set(o, "param", json_integer(k->param));
	set_str(o, "field", k->field);
	set_true(o, "bounded", at->bounded_sink);
	set_true(o, "signed", at->signed_matters);
	set_true(o, "small_fires", k->small_fires);
	set_uint(o, "array_param", k->array_param);
	set_uint(o, "elem_size", at->elem_size);
	set_true(o, "small", k->small);
	set_true(o, "via_offset", k->via_offset);
	set(o, "loc", loc_json(at->loc));
	set_str(o, "function", at->function);
	set_str(o, "callee", at->callee);
	set_str(o, "operand", at->operand);
	set_str(o, "snippet", at->snippet);
	set_path(o, "path", &k->path, t);
	set_uint(o, "guard_param", k->guard ? k->guard->param : 0);
	set_str(o, "guard_member", k->guard ? k->guard->member : NULL);
	set_str(o, "guard_func", k->guard ? k->guard->func : NULL);
	return o;
}

json_t *bh_taint__summary_to_json(const bh_taint__summary *s, bh_summaries__paths *t)
{
	json_t *o = json_object();
	json_t *labels = json_array();
	for (unsigned b = 1; b < s->nlabels; b++) {
		json_t *l = json_object();
		set(l, "param", json_integer(s->labels[b].param));
		set_str(l, "field", s->labels[b].field);
		json_array_append_new(labels, l);
	}
	set(o, "labels", labels);
	set_true(o, "incomplete", s->incomplete);
	if (s->ret.labels)
		set(o, "ret", val_json(&s->ret));
	set_path(o, "ret_path", &s->ret_path, t);
	set_str(o, "ret_what", s->ret_what);
	if (s->ret_is_const)
		set(o, "ret_const", json_integer(s->ret_const));

	json_t *outs = json_array();
	for (uint32_t j = 0; s->param_out && j < s->nparams; j++) {
		if (!s->param_out[j].labels)
			continue;
		json_t *w = json_object();
		set(w, "param", json_integer(j));
		set(w, "val", val_json(&s->param_out[j]));
		set_path(w, "path", &s->param_out_path[j], t);
		set_str(w, "what", s->param_out_what[j]);
		json_array_append_new(outs, w);
	}
	for (size_t k = 0; k < s->fields.len; k++) {
		const bh_taint__field_out *fo = &s->fields.items[k];
		json_t *w = json_object();
		if (fo->param == BH_TAINT__RET_FIELD)
			set(w, "returned", json_true()); // a field of the returned object
		else
			set(w, "param", json_integer(fo->param));
		// Stored on every return: callers take it as the field's value.
		if (fo->param != BH_TAINT__RET_FIELD)
			set_true(w, "every_return", fo->val.written);
		set_str(w, "field", fo->field);
		set(w, "val", val_json(&fo->val));
		set_path(w, "path", &fo->path, t);
		set_str(w, "what", fo->what);
		json_array_append_new(outs, w);
	}
	if (json_array_size(outs))
		set(o, "writes", outs);
	else
		json_decref(outs);

	if (s->sinks.len) {
		json_t *sinks = json_array();
		for (size_t k = 0; k < s->sinks.len; k++)
			json_array_append_new(sinks, sink_json(&s->sinks.items[k], t));
		set(o, "sinks", sinks);
	}
	if (s->globals.len) {
		json_t *globals = json_array();
		for (size_t k = 0; k < s->globals.len; k++) {
			const bh_taint__global_write *g = &s->globals.items[k];
			json_t *w = json_object();
			set_str(w, "key", g->key);
			set_bits(w, "labels", g->labels);
			set_path(w, "path", &g->path, t);
			json_array_append_new(globals, w);
		}
		set(o, "globals", globals);
	}
	return o;
}

// --------------------------------------------------------------- reading

typedef struct {
	bh_summaries *set;      // arena, interned file paths (has_sink compares pointers), budget
	bh_arena *arena;
	const char *error;      // the first problem, in the arena
	unsigned nlabels;       // of the summary being read
	uint32_t nparams;
} reader;

static bool fail(reader *r, const char *fmt, const char *what)
{
	if (!r->error)
		r->error = bh_arena_sprintf(r->arena, fmt, what);
	return false;
}

// An optional string member: NULL when absent or null.
static bool get_str(reader *r, json_t *obj, const char *key, const char **out)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v))
		return fail(r, "'%s' is not a string", key);
	*out = bh_arena_strndup(r->arena, json_string_value(v), json_string_length(v));
	return true;
}

// An optional integer member in [0, max]: 0 when absent.
static bool get_uint(reader *r, json_t *obj, const char *key, uint64_t max, uint64_t *out)
{
	json_t *v = json_object_get(obj, key);
	*out = 0;
	if (!v)
		return true;
	if (!json_is_integer(v) || json_integer_value(v) < 0 || (uint64_t)json_integer_value(v) > max)
		return fail(r, "'%s' is not an integer in range", key);
	*out = (uint64_t)json_integer_value(v);
	return true;
}

static bool get_u32(reader *r, json_t *obj, const char *key, uint64_t max, uint32_t *out)
{
	uint64_t v;
	bool ok = get_uint(r, obj, key, max, &v);
	*out = (uint32_t)v;
	return ok;
}

static bool get_bool(reader *r, json_t *obj, const char *key, bool *out)
{
	json_t *v = json_object_get(obj, key);
	*out = false;
	if (!v)
		return true;
	if (!json_is_boolean(v))
		return fail(r, "'%s' is not true or false", key);
	*out = json_is_true(v);
	return true;
}

// Bits below the summary's label count.
static bool get_bits(reader *r, json_t *obj, const char *key, uint64_t *out)
{
	json_t *a = json_object_get(obj, key);
	*out = 0;
	if (!a)
		return true;
	if (!json_is_array(a))
		return fail(r, "'%s' is not an array of label bits", key);
	size_t i;
	json_t *b;
	json_array_foreach(a, i, b) {
		if (!json_is_integer(b) || json_integer_value(b) < 0 ||
		    json_integer_value(b) >= (json_int_t)r->nlabels)
			return fail(r, "'%s' names a label bit the function does not have", key);
		*out |= (uint64_t)1 << json_integer_value(b);
	}
	return true;
}

static bool get_val(reader *r, json_t *obj, const char *key, bh_taint__val *out)
{
	memset(out, 0, sizeof(*out));
	out->witness = BH_TAINT__NONE;
	json_t *v = json_object_get(obj, key);
	if (!v)
		return true;
	if (!json_is_object(v))
		return fail(r, "'%s' is not a value", key);
	uint64_t small;
	bool local;
	if (!get_bits(r, v, "labels", &out->labels) || !get_bits(r, v, "no_upper", &out->no_upper) ||
	    !get_bits(r, v, "no_lower", &out->no_lower) ||
	    !get_uint(r, v, "small", BH_TAINT__SMALL_ALL, &small) ||
	    !get_bits(r, v, "sized", &out->sized) || !get_bool(r, v, "local", &local))
		return false;
	// Bounds are facts about labels the value has.
	out->no_upper &= out->labels;
	out->no_lower &= out->labels;
	out->small = (uint16_t)small;
	out->sized &= out->labels;
	out->local = local;
	return true;
}

static bool get_loc(reader *r, json_t *obj, bh_loc *out)
{
	const char *error = bh_summaries__loc_from_json(obj, r->set, out);
	return !error || fail(r, "%s", error);
}

static bool get_path(reader *r, json_t *obj, const char *key, bh_taint__path *out)
{
	const char *error = bh_summaries__path_get(r->set, json_object_get(obj, key), out);
	return !error || fail(r, "%s", error);
}

static bool get_param(reader *r, json_t *obj, unsigned *out)
{
	json_t *v = json_object_get(obj, "param");
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) >= (json_int_t)r->nparams)
		return fail(r, "%s names a parameter the function does not have", "an entry");
	*out = (unsigned)json_integer_value(v);
	return true;
}

static bool get_sink(reader *r, json_t *o, bh_taint__sink *k)
{
	memset(k, 0, sizeof(*k));
	if (!json_is_object(o))
		return fail(r, "%s is not an object", "a sink");
	bh_taint__sink_site *at = bh_arena_alloc(r->arena, sizeof(*at));
	k->site = at;
	const char *rule;
	uint64_t bit, array_param, guard_param;
	unsigned param;
	const char *guard_member, *guard_func;
	if (!get_str(r, o, "rule", &rule))
		return false;
	at->rule = rule ? bh_rule_find(rule) : NULL;
	if (!at->rule)
		return fail(r, "unknown rule '%s'", rule ? rule : "");
	if (!get_uint(r, o, "bit", r->nlabels - 1, &bit) || !get_param(r, o, &param) ||
	    !get_str(r, o, "field", &k->field) || !get_bool(r, o, "bounded", &at->bounded_sink) ||
	    !get_bool(r, o, "signed", &at->signed_matters) ||
	    !get_bool(r, o, "small_fires", &k->small_fires) ||
	    !get_uint(r, o, "array_param", r->nparams, &array_param) ||
	    !get_u32(r, o, "elem_size", UINT32_MAX, &at->elem_size) || !get_bool(r, o, "small", &k->small) ||
	    !get_bool(r, o, "via_offset", &k->via_offset) ||
	    !get_loc(r, json_object_get(o, "loc"), &at->loc) || !get_str(r, o, "function", &at->function) ||
	    !get_str(r, o, "callee", &at->callee) || !get_str(r, o, "operand", &at->operand) ||
	    !get_str(r, o, "snippet", &at->snippet) || !get_path(r, o, "path", &k->path) ||
	    !get_uint(r, o, "guard_param", r->nparams, &guard_param) ||
	    !get_str(r, o, "guard_member", &guard_member) || !get_str(r, o, "guard_func", &guard_func))
		return false;
	if (guard_param && !guard_func)
		return fail(r, "%s has a guard without a function", "a sink");
	if (param >= UINT16_MAX || array_param >= UINT16_MAX)
		return fail(r, "%s names a parameter past the 65,534th", "a sink");
	k->bit = (uint8_t)bit;
	k->param = (uint16_t)param;
	k->array_param = (uint16_t)array_param;
	if (guard_param)
		k->guard = bh_taint__guard_new(r->arena, (unsigned)guard_param, guard_member, guard_func);
	return true;
}

static bool get_labels(reader *r, json_t *o, bh_taint__summary *s)
{
	json_t *a = json_object_get(o, "labels");
	if (!json_is_array(a) || json_array_size(a) >= 64)
		return fail(r, "%s is not an array of at most 63 labels", "'labels'");
	s->nlabels = 1 + (unsigned)json_array_size(a);
	bh_taint__label *labels = bh_arena_alloc(r->arena, s->nlabels * sizeof(*labels));
	s->labels = labels;
	for (unsigned b = 1; b < s->nlabels; b++) {
		json_t *l = json_array_get(a, b - 1);
		if (!json_is_object(l) || !get_param(r, l, &labels[b].param) ||
		    !get_str(r, l, "field", &labels[b].field))
			return fail(r, "%s is not a parameter label", "a label");
	}
	r->nlabels = s->nlabels;
	return true;
}

static bool get_writes(reader *r, json_t *o, bh_taint__summary *s)
{
	json_t *a = json_object_get(o, "writes");
	if (!a)
		return true;
	if (!json_is_array(a))
		return fail(r, "%s is not an array", "'writes'");
	size_t i;
	json_t *w;
	json_array_foreach(a, i, w) {
		unsigned param;
		const char *field, *what;
		bh_taint__val val;
		bh_taint__path path;
		bool every_return;
		bool returned = json_is_object(w) && json_is_true(json_object_get(w, "returned"));
		if (returned)
			param = BH_TAINT__RET_FIELD;
		if (!json_is_object(w) || (!returned && !get_param(r, w, &param)) ||
		    !get_str(r, w, "field", &field) || (returned && !field) ||
		    !get_val(r, w, "val", &val) || !get_path(r, w, "path", &path) ||
		    !get_str(r, w, "what", &what) || !get_bool(r, w, "every_return", &every_return) ||
		    (every_return && (returned || !field)))
			return fail(r, "%s is malformed", "a write");
		val.written = every_return;
		if (!field && !s->param_out) {
			// Only for functions that write a parameter, within the
			// set's budget.
			s->param_out = bh_summaries__param_array(r->set, s->nparams, sizeof(*s->param_out));
			s->param_out_path = bh_summaries__param_array(r->set, s->nparams, sizeof(*s->param_out_path));
			s->param_out_what = bh_summaries__param_array(r->set, s->nparams, sizeof(*s->param_out_what));
			if (!s->param_out || !s->param_out_path || !s->param_out_what) {
				s->param_out = NULL;
				return fail(r, "%s: more parameter writes than a summaries file may hold",
					    "'writes'");
			}
		}
		if (!field) {
			s->param_out[param] = val;
			s->param_out_path[param] = path;
			s->param_out_what[param] = what;
		} else {
			bh_taint__field_out fo = { param, field, val, path, what };
			bh_vec_push(&s->fields, fo);
		}
	}
	return true;
}

static bool get_globals(reader *r, json_t *o, bh_taint__summary *s)
{
	json_t *a = json_object_get(o, "globals");
	if (!a)
		return true;
	if (!json_is_array(a))
		return fail(r, "%s is not an array", "'globals'");
	size_t i;
	json_t *w;
	json_array_foreach(a, i, w) {
		bh_taint__global_write g;
		if (!json_is_object(w) || !get_str(r, w, "key", &g.key) || !g.key ||
		    !get_bits(r, w, "labels", &g.labels) || !get_path(r, w, "path", &g.path))
			return fail(r, "%s is malformed", "a global write");
		bh_vec_push(&s->globals, g);
	}
	return true;
}

bool bh_taint__summary_from_json(json_t *o, const bh_summaries__entry *id, bh_summaries *set,
				 bh_taint__summary *s, const char **error)
{
	reader r = { set, set->arena, NULL, 1, id->nparams };
	memset(s, 0, sizeof(*s));
	s->usr = id->usr;
	s->name = id->name;
	s->nparams = id->nparams;
	bool ok = get_labels(&r, o, s) && get_bool(&r, o, "incomplete", &s->incomplete) &&
		  get_val(&r, o, "ret", &s->ret) && get_path(&r, o, "ret_path", &s->ret_path) &&
		  get_str(&r, o, "ret_what", &s->ret_what) && get_writes(&r, o, s) && get_globals(&r, o, s);
	json_t *rc = ok ? json_object_get(o, "ret_const") : NULL;
	if (rc && !json_is_integer(rc))
		ok = fail(&r, "%s is not an integer", "'ret_const'");
	if (rc && ok) {
		s->ret_is_const = true;
		s->ret_const = json_integer_value(rc);
	}
	json_t *sinks = ok ? json_object_get(o, "sinks") : NULL;
	if (sinks && !json_is_array(sinks))
		ok = fail(&r, "%s is not an array", "'sinks'");
	for (size_t i = 0; ok && i < json_array_size(sinks); i++) {
		bh_taint__sink k;
		if ((ok = get_sink(&r, json_array_get(sinks, i), &k)))
			bh_vec_push(&s->sinks, k);
	}
	s->analysed = true;
	*error = r.error;
	return ok;
}

void bh_taint__summary_dispose(bh_taint__summary *s)
{
	bh_vec_dispose(&s->sinks);
	bh_vec_dispose(&s->fields);
	bh_vec_dispose(&s->globals);
}

void bh_taint__summary_drop_paths(bh_taint__summary *s)
{
	s->ret_path = (bh_taint__path){ NULL, 0, 0 };
	for (uint32_t j = 0; s->param_out && j < s->nparams; j++)
		s->param_out_path[j] = (bh_taint__path){ NULL, 0, 0 };
	for (size_t k = 0; k < s->fields.len; k++)
		s->fields.items[k].path = (bh_taint__path){ NULL, 0, 0 };
	for (size_t k = 0; k < s->sinks.len; k++)
		s->sinks.items[k].path = (bh_taint__path){ NULL, 0, 0 };
	for (size_t k = 0; k < s->globals.len; k++)
		s->globals.items[k].path = (bh_taint__path){ NULL, 0, 0 };
}

// ------------------------------------------------------- tainted globals

json_t *bh_taint__global_to_json(const bh_taint__tainted_global *g, bh_summaries__paths *t)
{
	json_t *o = json_object();
	set_str(o, "key", g->key);
	set_str(o, "what", g->what);
	set_true(o, "local", g->local);
	set_path(o, "path", &g->path, t);
	return o;
}

bool bh_taint__global_from_json(json_t *o, bh_summaries *set, bh_taint__tainted_global *out)
{
	reader r = { set, set->arena, NULL, 1, 0 };
	memset(out, 0, sizeof(*out));
	bool ok = json_is_object(o) && get_str(&r, o, "key", &out->key) && out->key &&
		  get_str(&r, o, "what", &out->what) && get_bool(&r, o, "local", &out->local) &&
		  get_path(&r, o, "path", &out->path);
	if (!out->what)
		out->what = "untrusted input";
	return ok;
}

// A global's path is shown whole or not at all.
void bh_taint__global_check_path(bh_taint__tainted_global *g,
				 bool (*in_context)(void *payload, const char *path, const char *hash),
				 void *payload)
{
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, &g->path);
	for (const bh_finding_step *s; (s = bh_taint__path_next(&it)) != NULL;)
		if (!in_context(payload, s->loc.path, NULL)) {
			g->path = (bh_taint__path){ NULL, 0, 0 };
			return;
		}
}

// ------------------------------------------------------------- the run

static const char *dup(bh_summaries *s, const char *x)
{
	return x ? bh_arena_strdup(s->arena, x) : NULL;
}

// A copy of `src` in the set, as a reader of its JSON would have it.
static void copy_summary(bh_summaries *out, const bh_taint__summary *src, bh_taint__summary *dst)
{
	*dst = *src;
	dst->fn = NULL;
	memset(&dst->sinks, 0, sizeof(dst->sinks));
	memset(&dst->fields, 0, sizeof(dst->fields));
	memset(&dst->globals, 0, sizeof(dst->globals));
	bh_taint__label *labels = bh_arena_alloc(out->arena, (src->nlabels + 1) * sizeof(*labels));
	for (unsigned b = 0; b < src->nlabels; b++)
		labels[b] = (bh_taint__label){ src->labels[b].param, dup(out, src->labels[b].field) };
	dst->labels = labels;
	dst->ret_path = bh_summaries__path_copy(out, &src->ret_path);
	dst->ret_what = dup(out, src->ret_what);
	bool writes = false;
	for (uint32_t j = 0; src->param_out && j < src->nparams; j++)
		writes |= src->param_out[j].labels != 0;
	dst->param_out = NULL;
	dst->param_out_path = NULL;
	dst->param_out_what = NULL;
	if (writes) {
		dst->param_out = bh_arena_alloc(out->arena, (src->nparams + 1) * sizeof(*dst->param_out));
		dst->param_out_path = bh_arena_alloc(out->arena, (src->nparams + 1) * sizeof(*dst->param_out_path));
		dst->param_out_what = bh_arena_alloc(out->arena, (src->nparams + 1) * sizeof(*dst->param_out_what));
		for (uint32_t j = 0; j < src->nparams; j++) {
			if (!src->param_out[j].labels)
				continue;
			dst->param_out[j] = src->param_out[j];
			dst->param_out_path[j] = bh_summaries__path_copy(out, &src->param_out_path[j]);
			dst->param_out_what[j] = dup(out, src->param_out_what[j]);
		}
	}
	for (size_t k = 0; k < src->fields.len; k++) {
		bh_taint__field_out fo = src->fields.items[k];
		fo.field = dup(out, fo.field);
		fo.what = dup(out, fo.what);
		fo.path = bh_summaries__path_copy(out, &fo.path);
		bh_vec_push(&dst->fields, fo);
	}
	for (size_t k = 0; k < src->sinks.len; k++) {
		bh_taint__sink sk = src->sinks.items[k];
		bh_taint__sink_site *at = bh_arena_alloc(out->arena, sizeof(*at));
		*at = *sk.site;
		at->loc.path = at->loc.path ? bh_strset_intern(&out->paths, at->loc.path) : NULL;
		at->function = dup(out, at->function);
		at->callee = dup(out, at->callee);
		at->operand = dup(out, at->operand);
		at->snippet = dup(out, at->snippet);
		sk.site = at;
		sk.field = dup(out, sk.field);
		sk.path = bh_summaries__path_copy(out, &sk.path);
		if (sk.guard)
			sk.guard = bh_taint__guard_new(out->arena, sk.guard->param, dup(out, sk.guard->member),
						       dup(out, sk.guard->func));
		bh_vec_push(&dst->sinks, sk);
	}
	for (size_t k = 0; k < src->globals.len; k++) {
		bh_taint__global_write g = src->globals.items[k];
		g.key = dup(out, g.key);
		g.path = bh_summaries__path_copy(out, &g.path);
		bh_vec_push(&dst->globals, g);
	}
}

void bh_taint__export(const bh_taint__program *p, const bh_ir_program *prog, bh_summaries *out)
{
	bh_summaries__exporter x;
	bh_summaries__export_start(&x, prog, p->graph, out);
	bh_summaries__entry *e;
	size_t node;
	while ((e = bh_summaries__export_next(&x, &node))) {
		if (e->has_taint || !p->sums[node] || !p->sums[node]->analysed)
			continue;
		copy_summary(out, p->sums[node], &e->taint);
		e->taint.usr = e->usr;
		e->taint.name = e->name;
		e->has_taint = true;
	}
	for (size_t i = 0; i < p->tainted.len; i++) {
		const bh_taint__tainted_global *g = &p->tainted.items[i];
		// (Tainted in several programs: a file's reader applies it to all.)
		bool again = false;
		for (size_t j = 0; j < out->globals.len && !again; j++)
			again = strcmp(out->globals.items[j].key, g->key) == 0;
		if (again)
			continue;
		bh_taint__tainted_global copy = { dup(out, g->key), bh_summaries__path_copy(out, &g->path),
						  dup(out, g->what), g->local, 0, 0, { 0 }, NULL };
		bh_vec_push(&out->globals, copy);
	}
	bh_summaries__index(out);
}

void bh_taint__import_globals(bh_taint__program *p, const bh_summaries *s)
{
	for (size_t i = 0; s && i < s->globals.len; i++) {
		const bh_taint__tainted_global *g = &s->globals.items[i];
		bh_taint__taint_global(p, g->key, g->path, g->what, g->local);
	}
}
