// SPDX-License-Identifier: MIT
// The memory checkers' part of summaries as data (summaries.c has the file
// around it): a function's "memory" member to JSON and back, and the
// export of a whole-program run.
//
//   "memory": {"noreturn": true, "single_use": true,
//              "params": [{"param": 0, "frees": true, "family": "heap", "loc": {...}}],
//              "indirect": [{"through_param": 0, "element": 2, "deref": true, ...},
//                           {"global": "...", "frees": true, ...}],
//              "ret": {"fresh": true, "family": "heap", "may_null": true, "null_loc": {...}}}
//
// A summary read from a file has no body: it is applied as it is, never
// specialised to a call's constant arguments (bh_mem__specialize).
#include <string.h>

#include "dataflow/summaries_internal.h"

// The parameter bits by name, in the order they are written.
static const struct {
	const char *name;
	uint8_t bit;
} param_bits[] = {
	{ "frees", BH_MEM__P_FREES },  { "may_free", BH_MEM__P_MAY_FREE },
	{ "deref", BH_MEM__P_DEREF },  { "deref_always", BH_MEM__P_DEREF_ALWAYS },
	{ "keeps", BH_MEM__P_KEEPS },  { "checks", BH_MEM__P_CHECKS },
};

static void set_true(json_t *o, const char *key, bool v)
{
	if (v)
		json_object_set_new(o, key, json_true());
}

static void set_family(json_t *o, uint8_t family)
{
	if (family)
		json_object_set_new(o, "family", json_string(bh_mem__family_name(family)));
}

json_t *bh_mem__summary_to_json(const bh_mem__summary *s)
{
	json_t *o = json_object();
	set_true(o, "incomplete", s->incomplete);
	set_true(o, "noreturn", s->noreturn);
	set_true(o, "single_use", s->single_use);
	json_t *params = json_array();
	for (uint32_t j = 0; j < s->nparams; j++) {
		if (!s->param[j])
			continue;
		json_t *p = json_object();
		json_object_set_new(p, "param", json_integer(j));
		for (size_t b = 0; b < BH_ARRAY_LEN(param_bits); b++)
			set_true(p, param_bits[b].name, s->param[j] & param_bits[b].bit);
		set_family(p, s->param_family[j]);
		if (s->param_loc[j].path && s->param_loc[j].line)
			json_object_set_new(p, "loc", bh_summaries__loc_to_json(s->param_loc[j]));
		json_array_append_new(params, p);
	}
	if (json_array_size(params))
		json_object_set_new(o, "params", params);
	else
		json_decref(params);
	json_t *ind = json_array();
	for (uint32_t i = 0; i < s->nind; i++) {
		const bh_mem__ind *e = &s->ind[i];
		json_t *x = json_object();
		if (e->kind == BH_MEM__OBJ_GENTRY)
			json_object_set_new(x, "global", json_string(e->global));
		else
			json_object_set_new(x, "through_param", json_integer(e->param));
		if (e->kind == BH_MEM__OBJ_PELEM)
			json_object_set_new(x, "element", json_integer(e->index));
		if (e->kind == BH_MEM__OBJ_PFIELD)
			json_object_set_new(x, "field", json_string(e->field));
		for (size_t b = 0; b < BH_ARRAY_LEN(param_bits); b++)
			set_true(x, param_bits[b].name, e->bits & param_bits[b].bit);
		set_family(x, e->family);
		if (e->loc.path && e->loc.line)
			json_object_set_new(x, "loc", bh_summaries__loc_to_json(e->loc));
		json_array_append_new(ind, x);
	}
	if (json_array_size(ind))
		json_object_set_new(o, "indirect", ind);
	else
		json_decref(ind);
	json_t *ret = json_object();
	set_true(ret, "fresh", s->ret_fresh);
	set_family(ret, s->ret_family);
	set_true(ret, "may_null", s->ret_may_null);
	set_true(ret, "null_oom", s->ret_null_oom);
	set_true(ret, "static", s->ret_static);
	set_true(ret, "sure", s->ret_sure);
	set_true(ret, "freed", s->ret_freed);
	set_true(ret, "null", s->ret_null);
	if (s->ret_freed && s->ret_freed_loc.path && s->ret_freed_loc.line)
		json_object_set_new(ret, "freed_loc", bh_summaries__loc_to_json(s->ret_freed_loc));
	if (s->ret_param)
		json_object_set_new(ret, "param", json_integer(s->ret_param - 1));
	if (s->ret_sure_param)
		json_object_set_new(ret, "sure_param", json_integer(s->ret_sure_param - 1));
	if (s->ret_realloc)
		json_object_set_new(ret, "realloc_param", json_integer(s->ret_realloc - 1));
	if (s->ret_null_loc.path && s->ret_null_loc.line)
		json_object_set_new(ret, "null_loc", bh_summaries__loc_to_json(s->ret_null_loc));
	if (json_object_size(ret))
		json_object_set_new(o, "ret", ret);
	else
		json_decref(ret);
	return o;
}

// ------------------------------------------------------------- reading

static bool get_bool(json_t *o, const char *key, bool *out)
{
	json_t *v = json_object_get(o, key);
	*out = json_is_true(v);
	return !v || json_is_boolean(v);
}

static bool get_family(json_t *o, uint8_t *out)
{
	json_t *v = json_object_get(o, "family");
	bh_mem_family f = BH_MEM_FAMILY_NONE;
	if (v && (!json_is_string(v) || !bh_mem__family_parse(json_string_value(v), &f)))
		return false;
	*out = (uint8_t)f;
	return true;
}

// 1 + parameter index `key` (below nparams), 0 when absent; false when bad.
static bool get_param_ref(json_t *o, const char *key, uint32_t nparams, uint32_t *out)
{
	json_t *v = json_object_get(o, key);
	*out = 0;
	if (!v)
		return true;
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) >= (json_int_t)nparams)
		return false;
	*out = (uint32_t)json_integer_value(v) + 1;
	return true;
}

static const char *get_params(json_t *a, bh_mem__summary *s, bh_summaries *set)
{
	if (!a)
		return NULL;
	if (!json_is_array(a))
		return "'params' is not an array";
	size_t i;
	json_t *p;
	json_array_foreach(a, i, p) {
		uint32_t j;
		if (!json_is_object(p) || !get_param_ref(p, "param", s->nparams, &j) || !j)
			return "a parameter entry names a parameter the function does not have";
		j--;
		for (size_t b = 0; b < BH_ARRAY_LEN(param_bits); b++) {
			bool on;
			if (!get_bool(p, param_bits[b].name, &on))
				return "a parameter bit is not true or false";
			if (on)
				s->param[j] |= param_bits[b].bit;
		}
		if (!get_family(p, &s->param_family[j]))
			return "a parameter's family is unknown";
		json_t *loc = json_object_get(p, "loc");
		const char *error = loc ? bh_summaries__loc_from_json(loc, set, &s->param_loc[j]) : NULL;
		if (error)
			return error;
	}
	return NULL;
}

// Which part of what a parameter reaches an effect concerns: "element"
// (an index), "field" (a name) or, with neither, what `*p` holds.
static const char *get_part(json_t *x, bh_mem__ind *e, bh_summaries *set)
{
	json_t *elem = json_object_get(x, "element");
	json_t *field = json_object_get(x, "field");
	e->kind = BH_MEM__OBJ_PDEREF;
	if (elem && field)
		return "an indirect effect names both an element and a field";
	if (elem) {
		if (!json_is_integer(elem))
			return "an indirect effect's element is not an integer";
		e->kind = BH_MEM__OBJ_PELEM;
		e->index = json_integer_value(elem);
	} else if (field) {
		if (!json_is_string(field) || !*json_string_value(field))
			return "an indirect effect's field is not a name";
		e->kind = BH_MEM__OBJ_PFIELD;
		e->field = bh_strset_intern(&set->paths, json_string_value(field));
	}
	return NULL;
}

// "indirect": what the function does to the pointer behind a pointer
// parameter ("through_param") or in a global ("global", its key).
static const char *get_indirect(json_t *a, bh_mem__summary *s, bh_summaries *set)
{
	if (!a)
		return NULL;
	if (!json_is_array(a))
		return "'indirect' is not an array";
	if (!json_array_size(a))
		return NULL;
	s->ind = bh_summaries__param_array(set, (uint32_t)json_array_size(a), sizeof(*s->ind));
	if (!s->ind)
		return "more indirect effects than a summaries file may hold";
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		bh_mem__ind *e = &s->ind[s->nind];
		if (!json_is_object(x))
			return "an indirect effect is not an object";
		json_t *g = json_object_get(x, "global");
		uint32_t j = 0;
		if (g) {
			if (!json_is_string(g) || !*json_string_value(g))
				return "an indirect effect's global is not a name";
			e->kind = BH_MEM__OBJ_GENTRY;
			e->global = bh_strset_intern(&set->paths, json_string_value(g));
		} else if (get_param_ref(x, "through_param", s->nparams, &j) && j) {
			e->param = j - 1;
			const char *error = get_part(x, e, set);
			if (error)
				return error;
		} else {
			return "an indirect effect names neither a parameter the function has nor a global";
		}
		for (size_t b = 0; b < BH_ARRAY_LEN(param_bits); b++) {
			bool on;
			if (!get_bool(x, param_bits[b].name, &on))
				return "an indirect effect's bit is not true or false";
			if (on)
				e->bits |= param_bits[b].bit;
		}
		if (!get_family(x, &e->family))
			return "an indirect effect's family is unknown";
		json_t *loc = json_object_get(x, "loc");
		const char *error = loc ? bh_summaries__loc_from_json(loc, set, &e->loc) : NULL;
		if (error)
			return error;
		s->nind++;
	}
	return NULL;
}

static const char *get_ret(json_t *r, bh_mem__summary *s, bh_summaries *set)
{
	if (!r)
		return NULL;
	if (!json_is_object(r))
		return "'ret' is not an object";
	if (!get_bool(r, "fresh", &s->ret_fresh) || !get_bool(r, "may_null", &s->ret_may_null) ||
	    !get_bool(r, "null_oom", &s->ret_null_oom) || !get_bool(r, "static", &s->ret_static) ||
	    !get_bool(r, "sure", &s->ret_sure) || !get_bool(r, "freed", &s->ret_freed) ||
	    !get_bool(r, "null", &s->ret_null))
		return "a result flag is not true or false";
	if (!get_family(r, &s->ret_family))
		return "the result's family is unknown";
	if (!get_param_ref(r, "param", s->nparams, &s->ret_param) ||
	    !get_param_ref(r, "sure_param", s->nparams, &s->ret_sure_param) ||
	    !get_param_ref(r, "realloc_param", s->nparams, &s->ret_realloc))
		return "the result names a parameter the function does not have";
	json_t *freed_loc = json_object_get(r, "freed_loc");
	const char *error = freed_loc ? bh_summaries__loc_from_json(freed_loc, set, &s->ret_freed_loc) : NULL;
	if (error)
		return error;
	json_t *loc = json_object_get(r, "null_loc");
	return loc ? bh_summaries__loc_from_json(loc, set, &s->ret_null_loc) : NULL;
}

bh_mem__summary *bh_mem__summary_from_json(json_t *o, const bh_summaries__entry *id, bh_summaries *set,
					   const char **error)
{
	bh_mem__summary *s = bh_arena_alloc(set->arena, sizeof(*s));
	s->usr = id->usr;
	s->name = id->name;
	s->nparams = id->nparams;
	s->param = bh_summaries__param_array(set, s->nparams, sizeof(*s->param));
	s->param_family = bh_summaries__param_array(set, s->nparams, sizeof(*s->param_family));
	s->param_loc = bh_summaries__param_array(set, s->nparams, sizeof(*s->param_loc));
	if (!s->param || !s->param_family || !s->param_loc) {
		*error = "more parameters than a summaries file may hold";
		return NULL;
	}
	*error = !get_bool(o, "incomplete", &s->incomplete) || !get_bool(o, "noreturn", &s->noreturn) ||
			 !get_bool(o, "single_use", &s->single_use)
			 ? "'incomplete', 'noreturn' or 'single_use' is not true or false"
			 : NULL;
	if (!*error)
		*error = get_params(json_object_get(o, "params"), s, set);
	if (!*error)
		*error = get_ret(json_object_get(o, "ret"), s, set);
	if (!*error)
		*error = get_indirect(json_object_get(o, "indirect"), s, set);
	if (*error)
		return NULL;
	s->analysed = true;
	return s;
}

void bh_mem__summary_drop_paths(bh_mem__summary *s)
{
	for (uint32_t j = 0; j < s->nparams; j++)
		memset(&s->param_loc[j], 0, sizeof(s->param_loc[j]));
	memset(&s->ret_null_loc, 0, sizeof(s->ret_null_loc));
	memset(&s->ret_freed_loc, 0, sizeof(s->ret_freed_loc));
	for (uint32_t i = 0; i < s->nind; i++)
		memset(&s->ind[i].loc, 0, sizeof(s->ind[i].loc));
}

// ------------------------------------------------------------- the run

void bh_mem__export(const bh_mem__program *p, const bh_ir_program *prog, bh_summaries *out)
{
	bh_summaries__exporter x;
	bh_summaries__export_start(&x, prog, p->graph, out);
	bh_summaries__entry *e;
	size_t node;
	while ((e = bh_summaries__export_next(&x, &node))) {
		if (e->mem || !p->sums[node] || !p->sums[node]->analysed)
			continue;
		// Through the file format: what is exported is what a reader gets.
		json_t *j = bh_mem__summary_to_json(p->sums[node]);
		// Whether it has one caller is known to the whole program only:
		// a shard reading this reports inside it as the whole run does.
		if (bh_callgraph_single_use(p->graph, node))
			json_object_set_new(j, "single_use", json_true());
		const char *error;
		e->mem = bh_mem__summary_from_json(j, e, out, &error);
		json_decref(j);
	}
	bh_summaries__index(out);
}
