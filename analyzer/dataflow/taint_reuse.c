// SPDX-License-Identifier: MIT
// Reuse of the whole-program taint analysis' work. The analysis of a
// function is a pure function of what it reads of the program's state:
// the summaries of the functions it calls (bh_taint__summary_of) and the
// entries of the globals it uses (bh_taint__global). A run of a component
// records those reads and its reports; a later round (started because a
// new global holds untrusted data) replays the reports of a component
// whose reads all still hold instead of analysing it again, and a
// recursive component's members are analysed again only when one of their
// reads changed. The results are those of analysing everything again.
//
// Requires: taint_program.c's rounds. Provides: the run logs.
#include <string.h>

#include "dataflow/summaries_internal.h"

// ------------------------------------------------------------ equality

static bool path_equal(const bh_taint__path *a, const bh_taint__path *b)
{
	if (a->len != b->len)
		return false;
	// Shared ends compare at once: the same cell outside any link is the
	// same rest of the path (inside one, the rests may go on differently).
	bh_taint__path_iter x, y;
	bh_taint__path_iter_init(&x, a);
	bh_taint__path_iter_init(&y, b);
	for (;;) {
		if (x.cur == y.cur && !x.depth && !y.depth)
			return true;
		const bh_finding_step *s = bh_taint__path_next(&x), *t = bh_taint__path_next(&y);
		if (!s || !t)
			return s == t;
		if (!bh_loc_equal(&s->loc, &t->loc) || !bh_str_equal(s->message, t->message))
			return false;
	}
}

// Values are compared whole (the witness too, which callers do not read:
// an extra analysis at worst).
static bool val_equal(const bh_taint__val *a, const bh_taint__val *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static bool site_equal(const bh_taint__sink_site *a, const bh_taint__sink_site *b)
{
	return a == b || (a->rule == b->rule && a->bounded_sink == b->bounded_sink &&
			  a->signed_matters == b->signed_matters && bh_loc_equal(&a->loc, &b->loc) &&
			  bh_str_equal(a->function, b->function) && bh_str_equal(a->callee, b->callee) &&
			  bh_str_equal(a->operand, b->operand) && bh_str_equal(a->snippet, b->snippet) &&
			  a->elem_size == b->elem_size);
}

static bool sink_equal(const bh_taint__sink *a, const bh_taint__sink *b)
{
	return site_equal(a->site, b->site) && a->bit == b->bit && a->param == b->param &&
	       bh_str_equal(a->field, b->field) && a->small_fires == b->small_fires &&
	       a->array_param == b->array_param && a->small == b->small && a->via_offset == b->via_offset &&
	       path_equal(&a->path, &b->path) && bh_taint__guard_equal(a->guard, b->guard);
}

bool bh_taint__summary_equal(const bh_taint__summary *a, const bh_taint__summary *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	if (a->fn != b->fn || !bh_str_equal(a->usr, b->usr) || a->nparams != b->nparams ||
	    a->external != b->external || a->nlabels != b->nlabels || a->analysed != b->analysed ||
	    a->incomplete != b->incomplete || !val_equal(&a->ret, &b->ret) ||
	    !path_equal(&a->ret_path, &b->ret_path) || !bh_str_equal(a->ret_what, b->ret_what) ||
	    a->ret_is_const != b->ret_is_const || a->ret_const != b->ret_const ||
	    a->fields.len != b->fields.len || a->sinks.len != b->sinks.len ||
	    a->globals.len != b->globals.len)
		return false;
	for (unsigned i = 0; i < a->nlabels; i++)
		if (a->labels[i].param != b->labels[i].param ||
		    !bh_str_equal(a->labels[i].field, b->labels[i].field))
			return false;
	for (uint32_t j = 0; j < a->nparams; j++) {
		if ((a->param_out == NULL) != (b->param_out == NULL))
			return false;
		if (a->param_out && !val_equal(&a->param_out[j], &b->param_out[j]))
			return false;
		if (a->param_out_path && b->param_out_path &&
		    !path_equal(&a->param_out_path[j], &b->param_out_path[j]))
			return false;
		if ((a->param_out_path == NULL) != (b->param_out_path == NULL))
			return false;
		if (a->param_out_what && b->param_out_what &&
		    !bh_str_equal(a->param_out_what[j], b->param_out_what[j]))
			return false;
		if ((a->param_out_what == NULL) != (b->param_out_what == NULL))
			return false;
	}
	for (size_t i = 0; i < a->fields.len; i++) {
		const bh_taint__field_out *x = &a->fields.items[i], *y = &b->fields.items[i];
		if (x->param != y->param || !bh_str_equal(x->field, y->field) ||
		    !val_equal(&x->val, &y->val) || !path_equal(&x->path, &y->path) ||
		    !bh_str_equal(x->what, y->what))
			return false;
	}
	for (size_t i = 0; i < a->sinks.len; i++)
		if (!sink_equal(&a->sinks.items[i], &b->sinks.items[i]))
			return false;
	for (size_t i = 0; i < a->globals.len; i++) {
		const bh_taint__global_write *x = &a->globals.items[i], *y = &b->globals.items[i];
		if (!bh_str_equal(x->key, y->key) || x->labels != y->labels || !path_equal(&x->path, &y->path))
			return false;
	}
	return true;
}

// ------------------------------------------------------------ recording

static void log_clear(bh_taint__run_log *log)
{
	log->valid = false;
	log->sums.len = 0;
	log->globals.len = 0;
	log->reports.len = 0;
}

void bh_taint__record(bh_taint__program *p, bh_taint__run_log *log)
{
	if (log)
		log_clear(log);
	p->recording = log;
}

void bh_taint__record_member(bh_taint__program *p, bh_taint__run_log *member_log)
{
	if (member_log)
		log_clear(member_log);
	p->member_recording = member_log;
}

static void note_sum(bh_taint__run_log *log, size_t node, const bh_taint__summary *sum)
{
	if (!log)
		return;
	for (size_t i = 0; i < log->sums.len; i++)
		if (log->sums.items[i].node == node && log->sums.items[i].sum == sum)
			return;
	bh_vec_push(&log->sums, ((bh_taint__sum_read){ node, sum }));
}

static void note_global(bh_taint__run_log *log, const char *key, uint64_t stamp)
{
	if (!log)
		return;
	for (size_t i = 0; i < log->globals.len; i++)
		if (log->globals.items[i].stamp == stamp && strcmp(log->globals.items[i].key, key) == 0)
			return;
	bh_vec_push(&log->globals, ((bh_taint__global_read){ key, stamp }));
}

void bh_taint__note_sum_read(const bh_taint__program *p, size_t node, const bh_taint__summary *sum)
{
	bh_taint__trace_sum_read(p, node);
	// A member's summary changes while its component is analysed, and
	// every run of the component starts from none of them: the component
	// depends on what is outside it, each member on the others.
	note_sum(p->member[node] ? p->member_recording : p->recording, node, sum);
}

void bh_taint__note_global_read(const bh_taint__program *p, const char *key,
				const bh_taint__tainted_global *g)
{
	bh_taint__trace_global_read(p, key, g);
	note_global(p->recording, key, g ? g->stamp : 0);
	note_global(p->member_recording, key, g ? g->stamp : 0);
}

static const char *copy_str(bh_arena *arena, const char *s)
{
	return s ? bh_arena_strdup(arena, s) : NULL;
}

static bh_loc copy_loc(bh_arena *arena, bh_loc loc)
{
	loc.path = copy_str(arena, loc.path);
	return loc;
}

void bh_taint__note_report(bh_taint__program *p, const bh_taint__report_record *r)
{
	bh_taint__run_log *log = p->recording;
	if (!log)
		return;
	// The strings may live in the arena of the function's analysis.
	bh_taint__report_record c = *r;
	c.loc = copy_loc(p->arena, r->loc);
	c.function = copy_str(p->arena, r->function);
	c.snippet = copy_str(p->arena, r->snippet);
	c.message = copy_str(p->arena, r->message);
	// (Paths are immutable cells in the program's arena: shared.)
	bh_vec_push(&log->reports, c);
}

static void add_incomplete_note(bh_taint__program *p, bh_loc loc, const char *function)
{
	bh_diag_add(p->diags, BH_LEVEL_NOTE, "taint.incomplete", loc.path, loc.line, loc.col,
		    "taint analysis of %s() stopped at its budget; its flows are not reported",
		    function);
}

void bh_taint__note_incomplete(bh_taint__program *p, bh_loc loc, const char *function)
{
	add_incomplete_note(p, loc, function);
}

void bh_taint__report_incomplete(bh_taint__program *p, const bh_ir_func *fn)
{
	bh_taint__report_record r = { .incomplete = true, .loc = fn->loc, .function = fn->name };
	bh_taint__note_report(p, &r);
	add_incomplete_note(p, fn->loc, fn->name);
}

// --------------------------------------------------------------- replay

bool bh_taint__log_still_holds(const bh_taint__program *p, const bh_taint__run_log *log)
{
	if (!log->valid)
		return false;
	for (size_t i = 0; i < log->sums.len; i++) {
		const bh_taint__sum_read *r = &log->sums.items[i];
		if (!bh_taint__summary_equal(bh_taint__sum(p, r->node), r->sum))
			return false;
	}
	for (size_t i = 0; i < log->globals.len; i++) {
		const bh_taint__global_read *r = &log->globals.items[i];
		// (Not bh_taint__global: asking is no read of the analysis.)
		const bh_taint__tainted_global *g = bh_taint__find_global(p, r->key);
		if ((g ? g->stamp : 0) != r->stamp)
			return false;
	}
	return true;
}

void bh_taint__replay(bh_taint__program *p, const bh_taint__run_log *log)
{
	for (size_t i = 0; i < log->reports.len; i++) {
		const bh_taint__report_record *r = &log->reports.items[i];
		if (r->incomplete)
			add_incomplete_note(p, r->loc, r->function);
		else
			bh_taint__report(p, r->rule, r->loc, r->function, r->snippet, r->message, &r->path);
	}
}

void bh_taint__log_dispose(bh_taint__run_log *log)
{
	log->valid = false;
	bh_vec_dispose(&log->sums);
	bh_vec_dispose(&log->globals);
	bh_vec_dispose(&log->reports);
}
