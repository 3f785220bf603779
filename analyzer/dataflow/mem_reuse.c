// SPDX-License-Identifier: MIT
// Reuse inside a recursive component of the memory checkers. The analysis
// of a member is a function of the other members' summaries it reads
// (bh_mem__callee_summary); summaries of functions outside the component
// are final, and analyses in a calling context are made once and kept.
// A member whose reads are unchanged since its last analysis would give
// the same summary and findings: it is not analysed again, its NULL checks
// are counted again (as the analysis would), and its last findings stand
// for the pass (mem_program.c). redis' 312-function component took three
// full passes.
//
// Requires: mem_program.c's component loop. Provides: member logs.
#include <string.h>

#include "dataflow/mem_internal.h"

static bool ind_equal(const bh_mem__ind *a, const bh_mem__ind *b)
{
	return a->kind == b->kind && a->bits == b->bits && a->family == b->family &&
	       a->param == b->param && a->index == b->index && bh_str_equal(a->field, b->field) &&
	       bh_str_equal(a->global, b->global) && bh_loc_equal(&a->loc, &b->loc);
}

bool bh_mem__summary_equal(const bh_mem__summary *a, const bh_mem__summary *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	if (a->fn != b->fn || !bh_str_equal(a->usr, b->usr) || a->nparams != b->nparams ||
	    a->analysed != b->analysed || a->incomplete != b->incomplete ||
	    a->noreturn != b->noreturn || a->ret_fresh != b->ret_fresh ||
	    a->ret_family != b->ret_family || a->ret_may_null != b->ret_may_null ||
	    a->ret_null_oom != b->ret_null_oom || a->ret_static != b->ret_static ||
	    a->ret_sure != b->ret_sure || a->ret_param != b->ret_param ||
	    a->ret_sure_param != b->ret_sure_param || a->ret_realloc != b->ret_realloc ||
	    !bh_loc_equal(&a->ret_null_loc, &b->ret_null_loc) ||
	    a->ret_freed != b->ret_freed || !bh_loc_equal(&a->ret_freed_loc, &b->ret_freed_loc) ||
	    a->ret_null != b->ret_null || a->nind != b->nind || a->single_use != b->single_use)
		return false;
	for (uint32_t j = 0; j < a->nparams; j++) {
		if ((a->param ? a->param[j] : 0) != (b->param ? b->param[j] : 0) ||
		    (a->param_family ? a->param_family[j] : 0) != (b->param_family ? b->param_family[j] : 0))
			return false;
		if ((a->param_loc == NULL) != (b->param_loc == NULL) ||
		    (a->param_loc && !bh_loc_equal(&a->param_loc[j], &b->param_loc[j])))
			return false;
	}
	for (uint32_t i = 0; i < a->nind; i++)
		if (!ind_equal(&a->ind[i], &b->ind[i]))
			return false;
	return true;
}

void bh_mem__note_read(const bh_mem__program *p, size_t node, const bh_mem__summary *sum)
{
	bh_mem__member_log *log = p->recording;
	if (!log || !p->member[node])
		return;
	for (size_t i = 0; i < log->reads.len; i++)
		if (log->reads.items[i].node == node && log->reads.items[i].sum == sum)
			return;
	bh_vec_push(&log->reads, ((bh_mem__sum_read){ node, sum }));
}

// A NULL check counted for `node`, by an analysis or a replay: the trace
// across scans records it (mem_trace.c).
static void count(bh_mem__program *p, size_t node)
{
	p->null_checked[node]++;
	if (p->reuse)
		bh_vec_push(&p->checked_events, node);
}

void bh_mem__count_checked(bh_mem__program *p, size_t node)
{
	count(p, node);
	if (p->recording)
		bh_vec_push(&p->recording->checked, node);
}

bool bh_mem__replay_member(bh_mem__program *p, const bh_mem__member_log *log)
{
	if (!log->valid)
		return false;
	for (size_t i = 0; i < log->reads.len; i++)
		if (!bh_mem__summary_equal(p->sums[log->reads.items[i].node], log->reads.items[i].sum))
			return false;
	for (size_t i = 0; i < log->checked.len; i++)
		count(p, log->checked.items[i]);
	return true;
}

void bh_mem__record_member(bh_mem__program *p, bh_mem__member_log *log)
{
	if (log) {
		log->valid = false;
		log->reads.len = 0;
		log->checked.len = 0;
		bh_findings_dispose(&log->found);
		bh_findings_init(&log->found, p->arena);
	}
	p->recording = log;
}

void bh_mem__member_log_dispose(bh_mem__member_log *log)
{
	bh_vec_dispose(&log->reads);
	bh_vec_dispose(&log->checked);
	bh_findings_dispose(&log->found);
}
