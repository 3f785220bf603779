// SPDX-License-Identifier: MIT
// One taint summary (bh_taint__summary) to JSON and back. The format is
// documented in summaries.c; this file only knows one function's entry:
// its identity and its "taint" member. Reading trusts nothing: every number is range-checked against the
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
	set_bits(o, "labels", v->labels);
	set_bits(o, "no_upper", v->no_upper);
	set_bits(o, "no_lower", v->no_lower);
	set_uint(o, "small", v->small);
	set_true(o, "local", v->local);
	return o;
}

static json_t *loc_json(bh_loc loc)
{
	json_t *o = json_object();
	set_str(o, "path", loc.path);
	set_uint(o, "line", loc.line);
	set_uint(o, "col", loc.col);
	set_uint(o, "end_line", loc.end_line);
	set_uint(o, "end_col", loc.end_col);
	return o;
}

json_t *bh_taint__path_to_json(const bh_taint__path *p)
{
	if (!p->len)
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; i < p->len; i++) {
		json_t *step = loc_json(p->steps[i].loc);
		set_str(step, "message", p->steps[i].message);
		json_array_append_new(a, step);
	}
	return a;
}

static void set_path(json_t *obj, const char *key, const bh_taint__path *p)
{
	if (p->len)
		set(obj, key, bh_taint__path_to_json(p));
}

static json_t *sink_json(const bh_taint__sink *k)
{
	json_t *o = json_object();
	set_str(o, "rule", k->rule->id);
	set(o, "bit", json_integer(k->bit));
	set(o, "param", json_integer(k->param));
	set_str(o, "field", k->field);
	set_true(o, "bounded", k->bounded_sink);
	set_true(o, "signed", k->signed_matters);
	set_true(o, "small_fires", k->small_fires);
	set_uint(o, "array_param", k->array_param);
	set_uint(o, "elem_size", k->elem_size);
	set_true(o, "small", k->small);
	set(o, "loc", loc_json(k->loc));
	set_str(o, "function", k->function);
	set_str(o, "callee", k->callee);
	set_str(o, "operand", k->operand);
	set_str(o, "snippet", k->snippet);
	set_path(o, "path", &k->path);
	set_uint(o, "guard_param", k->guard_param);
	set_str(o, "guard_member", k->guard_member);
	set_str(o, "guard_func", k->guard_func);
	return o;
}

json_t *bh_taint__summary_to_json(const bh_taint__summary *s)
{
	json_t *entry = json_object();
	set_str(entry, "usr", s->usr);
	set_str(entry, "name", s->name);
	set(entry, "params", json_integer(s->nparams));
	json_t *o = json_object();
	set(entry, "taint", o);
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
	set_path(o, "ret_path", &s->ret_path);
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
		set_path(w, "path", &s->param_out_path[j]);
		set_str(w, "what", s->param_out_what[j]);
		json_array_append_new(outs, w);
	}
	for (size_t k = 0; k < s->fields.len; k++) {
		const bh_taint__field_out *fo = &s->fields.items[k];
		json_t *w = json_object();
		set(w, "param", json_integer(fo->param));
		set_str(w, "field", fo->field);
		set(w, "val", val_json(&fo->val));
		set_path(w, "path", &fo->path);
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
			json_array_append_new(sinks, sink_json(&s->sinks.items[k]));
		set(o, "sinks", sinks);
	}
	if (s->globals.len) {
		json_t *globals = json_array();
		for (size_t k = 0; k < s->globals.len; k++) {
			const bh_taint__global_write *g = &s->globals.items[k];
			json_t *w = json_object();
			set_str(w, "key", g->key);
			set_bits(w, "labels", g->labels);
			set_path(w, "path", &g->path);
			json_array_append_new(globals, w);
		}
		set(o, "globals", globals);
	}
	return entry;
}

// --------------------------------------------------------------- reading

typedef struct {
	bh_arena *arena;
	bh_strset *paths;       // interned file paths (has_sink compares pointers)
	const char *error;      // the first problem, in the arena
	unsigned nlabels;       // of the summary being read
	uint32_t nparams;
	size_t *slots_left;     // parameter write slots the set may still allocate
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
	    !get_uint(r, v, "small", BH_TAINT__SMALL_ALL, &small) || !get_bool(r, v, "local", &local))
		return false;
	// Bounds are facts about labels the value has.
	out->no_upper &= out->labels;
	out->no_lower &= out->labels;
	out->small = (uint16_t)small;
	out->local = local;
	return true;
}

static bool get_loc(reader *r, json_t *obj, bh_loc *out)
{
	memset(out, 0, sizeof(*out));
	if (!json_is_object(obj))
		return fail(r, "%s is not a location", "a step");
	const char *path;
	if (!get_str(r, obj, "path", &path) || !get_u32(r, obj, "line", UINT32_MAX, &out->line) ||
	    !get_u32(r, obj, "col", UINT32_MAX, &out->col) ||
	    !get_u32(r, obj, "end_line", UINT32_MAX, &out->end_line) ||
	    !get_u32(r, obj, "end_col", UINT32_MAX, &out->end_col))
		return false;
	if (!path || !*path || !out->line)
		return fail(r, "%s has no path or line", "a location");
	out->path = bh_strset_intern(r->paths, path);
	return true;
}

static bool get_steps(reader *r, json_t *a, const char *key, bh_taint__path *out)
{
	memset(out, 0, sizeof(*out));
	if (!a)
		return true;
	if (!json_is_array(a))
		return fail(r, "'%s' is not an array of steps", key);
	out->len = json_array_size(a);
	out->steps = bh_arena_alloc(r->arena, (out->len + 1) * sizeof(*out->steps));
	for (size_t i = 0; i < out->len; i++) {
		json_t *step = json_array_get(a, i);
		if (!get_loc(r, step, &out->steps[i].loc) ||
		    !get_str(r, step, "message", &out->steps[i].message))
			return false;
		if (!out->steps[i].message)
			out->steps[i].message = "";
	}
	return true;
}

static bool get_path(reader *r, json_t *obj, const char *key, bh_taint__path *out)
{
	return get_steps(r, json_object_get(obj, key), key, out);
}

bool bh_taint__path_from_json(json_t *a, bh_arena *arena, bh_strset *paths, bh_taint__path *out)
{
	reader r = { arena, paths, NULL, 1, 0, NULL };
	return get_steps(&r, a, "path", out);
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
	const char *rule;
	uint64_t bit, array_param, guard_param;
	if (!get_str(r, o, "rule", &rule))
		return false;
	k->rule = rule ? bh_rule_find(rule) : NULL;
	if (!k->rule)
		return fail(r, "unknown rule '%s'", rule ? rule : "");
	if (!get_uint(r, o, "bit", r->nlabels - 1, &bit) || !get_param(r, o, &k->param) ||
	    !get_str(r, o, "field", &k->field) || !get_bool(r, o, "bounded", &k->bounded_sink) ||
	    !get_bool(r, o, "signed", &k->signed_matters) ||
	    !get_bool(r, o, "small_fires", &k->small_fires) ||
	    !get_uint(r, o, "array_param", r->nparams, &array_param) ||
	    !get_u32(r, o, "elem_size", UINT32_MAX, &k->elem_size) || !get_bool(r, o, "small", &k->small) ||
	    !get_loc(r, json_object_get(o, "loc"), &k->loc) || !get_str(r, o, "function", &k->function) ||
	    !get_str(r, o, "callee", &k->callee) || !get_str(r, o, "operand", &k->operand) ||
	    !get_str(r, o, "snippet", &k->snippet) || !get_path(r, o, "path", &k->path) ||
	    !get_uint(r, o, "guard_param", r->nparams, &guard_param) ||
	    !get_str(r, o, "guard_member", &k->guard_member) || !get_str(r, o, "guard_func", &k->guard_func))
		return false;
	if (guard_param && !k->guard_func)
		return fail(r, "%s has a guard without a function", "a sink");
	k->bit = (unsigned)bit;
	k->array_param = (unsigned)array_param;
	k->guard_param = (unsigned)guard_param;
	return true;
}

static bool get_labels(reader *r, json_t *o, bh_taint__summary *s)
{
	json_t *a = json_object_get(o, "labels");
	if (!json_is_array(a) || json_array_size(a) >= 64)
		return fail(r, "%s is not an array of at most 63 labels", "'labels'");
	s->nlabels = 1 + (unsigned)json_array_size(a);
	for (unsigned b = 1; b < s->nlabels; b++) {
		json_t *l = json_array_get(a, b - 1);
		if (!json_is_object(l) || !get_param(r, l, &s->labels[b].param) ||
		    !get_str(r, l, "field", &s->labels[b].field))
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
		if (!json_is_object(w) || !get_param(r, w, &param) || !get_str(r, w, "field", &field) ||
		    !get_val(r, w, "val", &val) || !get_path(r, w, "path", &path) ||
		    !get_str(r, w, "what", &what))
			return fail(r, "%s is malformed", "a write");
		if (!field && !s->param_out) {
			// Allocated only for functions that write a parameter, and
			// within the set's budget: memory stays proportional to
			// what a file holds, whatever its "params" say.
			if (*r->slots_left < s->nparams + 1u)
				return fail(r, "%s: more parameter writes than a summaries file may hold",
					    "'writes'");
			*r->slots_left -= s->nparams + 1u;
			s->param_out = bh_arena_alloc(r->arena, (s->nparams + 1) * sizeof(*s->param_out));
			s->param_out_path = bh_arena_alloc(r->arena, (s->nparams + 1) * sizeof(*s->param_out_path));
			s->param_out_what = bh_arena_alloc(r->arena, (s->nparams + 1) * sizeof(*s->param_out_what));
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

bool bh_taint__summary_from_json(json_t *entry, bh_arena *arena, bh_strset *paths, size_t *slots_left,
				 bh_taint__summary *s, const char **error)
{
	reader r = { arena, paths, NULL, 1, 0, slots_left };
	memset(s, 0, sizeof(*s));
	bool ok = json_is_object(entry) || fail(&r, "%s is not an object", "a function");
	uint64_t nparams = 0;
	ok = ok && get_str(&r, entry, "usr", &s->usr) && get_str(&r, entry, "name", &s->name) &&
	     get_uint(&r, entry, "params", UINT16_MAX, &nparams);
	ok = ok && ((s->usr && s->name) || fail(&r, "%s has no usr or name", "a function"));
	s->nparams = r.nparams = (uint32_t)nparams;
	json_t *o = ok ? json_object_get(entry, "taint") : NULL;
	ok = ok && (json_is_object(o) || fail(&r, "%s has no \"taint\" object", "a function"));
	ok = ok && get_labels(&r, o, s) && get_bool(&r, o, "incomplete", &s->incomplete) &&
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
