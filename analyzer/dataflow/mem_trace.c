// SPDX-License-Identifier: MIT
// The memory checkers' traces across scans (include/bulkhead/reuse.h): a
// component's outputs are its members' summaries and what its analysis
// did to the program-wide state, so that a replay does it again:
//
//   nmembers, per member: the summary's encoding (a blob; its SHA-256 is
//             the digest callers' reads record)
//   findings  the component's, in the order it appended them
//   diags     the notes its analyses added (mem.incomplete)
//   held      the unchecked-NULL findings it held back, each with the
//             function whose result it is (its null_unchecked count)
//   checked   the functions whose results it compared with NULL, in order
//   special   how many analyses in a calling context it made (the scan's
//             budget of them: MAX_SPECIAL in mem_program.c)
//
// Reads are the callee summaries it asked for (bh_mem__callee_summary)
// and the IR of the functions it analysed in a calling context.
#include <string.h>

#include "dataflow/mem_internal.h"

enum {
	F_ANALYSED = 1u << 0,
	F_INCOMPLETE = 1u << 1,
	F_NORETURN = 1u << 2,
	F_RET_FRESH = 1u << 3,
	F_RET_MAY_NULL = 1u << 4,
	F_RET_NULL_OOM = 1u << 5,
	F_RET_STATIC = 1u << 6,
	F_RET_SURE = 1u << 7,
	F_RET_FREED = 1u << 8,
	F_RET_NULL = 1u << 9,
	F_SINGLE_USE = 1u << 10,
	F_PARAM = 1u << 11,
	F_FAMILY = 1u << 12,
	F_LOCS = 1u << 13,
	F_ALL = (1u << 14) - 1,
};

static unsigned flags_of(const bh_mem__summary *s)
{
	return (s->analysed ? F_ANALYSED : 0) | (s->incomplete ? F_INCOMPLETE : 0) |
	       (s->noreturn ? F_NORETURN : 0) | (s->ret_fresh ? F_RET_FRESH : 0) |
	       (s->ret_may_null ? F_RET_MAY_NULL : 0) | (s->ret_null_oom ? F_RET_NULL_OOM : 0) |
	       (s->ret_static ? F_RET_STATIC : 0) | (s->ret_sure ? F_RET_SURE : 0) |
	       (s->ret_freed ? F_RET_FREED : 0) | (s->ret_null ? F_RET_NULL : 0) |
	       (s->single_use ? F_SINGLE_USE : 0) | (s->param ? F_PARAM : 0) |
	       (s->param_family ? F_FAMILY : 0) | (s->param_loc ? F_LOCS : 0);
}

// Everything bh_mem__summary_equal compares, and the name.
static void encode_summary(bh_bytes *b, const void *summary, const void *payload)
{
	const bh_reuse *r = payload;
	const bh_mem__summary *s = summary;
	unsigned f = flags_of(s);
	bh_wire_str(b, s->usr);
	bh_wire_str(b, s->name);
	bh_wire_u(b, s->nparams);
	bh_wire_u(b, f);
	bh_wire_u(b, s->ret_family);
	bh_wire_u(b, s->ret_param);
	bh_wire_u(b, s->ret_sure_param);
	bh_wire_u(b, s->ret_realloc);
	bh_reuse__put_loc(r, b, &s->ret_null_loc);
	bh_reuse__put_loc(r, b, &s->ret_freed_loc);
	for (uint32_t j = 0; j < s->nparams; j++) {
		if (f & F_PARAM)
			bh_wire_u(b, s->param[j]);
		if (f & F_FAMILY)
			bh_wire_u(b, s->param_family[j]);
		if (f & F_LOCS)
			bh_reuse__put_loc(r, b, &s->param_loc[j]);
	}
	bh_wire_u(b, s->nind);
	for (uint32_t i = 0; i < s->nind; i++) {
		const bh_mem__ind *x = &s->ind[i];
		bh_wire_u(b, x->kind);
		bh_wire_u(b, x->bits);
		bh_wire_u(b, x->family);
		bh_wire_u(b, x->param);
		bh_wire_s(b, x->index);
		bh_wire_str(b, x->field);
		bh_wire_str(b, x->global);
		bh_reuse__put_loc(r, b, &x->loc);
	}
}

// The summary of node `node` from its encoding (in the program's arena);
// false when malformed or not one of this function's.
static bool decode_summary(const void *data, size_t len, bh_mem__program *p, size_t node, bh_mem__summary *s)
{
	bh_arena *a = p->arena;
	const bh_ir_func *fn = p->graph->funcs[node];
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	memset(s, 0, sizeof(*s));
	s->fn = fn;
	s->usr = bh_wire_get_str_in(&rd, a);
	s->name = bh_wire_get_str_in(&rd, a);
	s->nparams = (uint32_t)bh_wire_get_max(&rd, fn->nparams);
	unsigned f = (unsigned)bh_wire_get_max(&rd, F_ALL);
	s->analysed = f & F_ANALYSED;
	s->incomplete = f & F_INCOMPLETE;
	s->noreturn = f & F_NORETURN;
	s->ret_fresh = f & F_RET_FRESH;
	s->ret_may_null = f & F_RET_MAY_NULL;
	s->ret_null_oom = f & F_RET_NULL_OOM;
	s->ret_static = f & F_RET_STATIC;
	s->ret_sure = f & F_RET_SURE;
	s->ret_freed = f & F_RET_FREED;
	s->ret_null = f & F_RET_NULL;
	s->single_use = f & F_SINGLE_USE;
	s->ret_family = (uint8_t)bh_wire_get_max(&rd, UINT8_MAX);
	s->ret_param = (uint32_t)bh_wire_get_max(&rd, s->nparams);
	s->ret_sure_param = (uint32_t)bh_wire_get_max(&rd, s->nparams);
	s->ret_realloc = (uint32_t)bh_wire_get_max(&rd, s->nparams);
	s->ret_null_loc = bh_reuse__get_loc(p->reuse, &rd, a);
	s->ret_freed_loc = bh_reuse__get_loc(p->reuse, &rd, a);
	uint32_t np = s->nparams;
	s->param = f & F_PARAM ? bh_arena_alloc(a, np + 1) : NULL;
	s->param_family = f & F_FAMILY ? bh_arena_alloc(a, np + 1) : NULL;
	s->param_loc = f & F_LOCS ? bh_arena_alloc(a, (np + 1) * sizeof(*s->param_loc)) : NULL;
	for (uint32_t j = 0; j < np && rd.ok; j++) {
		if (s->param)
			s->param[j] = (uint8_t)bh_wire_get_max(&rd, UINT8_MAX);
		if (s->param_family)
			s->param_family[j] = (uint8_t)bh_wire_get_max(&rd, UINT8_MAX);
		if (s->param_loc)
			s->param_loc[j] = bh_reuse__get_loc(p->reuse, &rd, a);
	}
	s->nind = (uint32_t)bh_wire_get_max(&rd, (uint64_t)(rd.end - rd.p) / 8);
	s->ind = s->nind ? bh_arena_alloc(a, s->nind * sizeof(*s->ind)) : NULL;
	for (uint32_t i = 0; i < s->nind && rd.ok; i++) {
		bh_mem__ind *x = &s->ind[i];
		x->kind = (uint8_t)bh_wire_get_max(&rd, BH_MEM__OBJ_PFIELD);
		x->bits = (uint8_t)bh_wire_get_max(&rd, UINT8_MAX);
		x->family = (uint8_t)bh_wire_get_max(&rd, UINT8_MAX);
		x->param = (uint32_t)bh_wire_get_max(&rd, np ? np - 1 : 0);
		x->index = bh_wire_get_s(&rd);
		x->field = bh_wire_get_str_in(&rd, a);
		x->global = bh_wire_get_str_in(&rd, a);
		x->loc = bh_reuse__get_loc(p->reuse, &rd, a);
		// (What the checkers assume of an effect: a kind that is one, a
		// parameter that is one, its field, its global.)
		if (x->kind < BH_MEM__OBJ_PDEREF || (x->kind == BH_MEM__OBJ_PFIELD && !x->field) ||
		    (x->kind == BH_MEM__OBJ_GENTRY ? !x->global : x->param >= np))
			return false;
	}
	// (A summary the analysis makes has all three arrays.)
	return bh_wire_done(&rd) && s->nparams == fn->nparams && s->param && s->param_family && s->param_loc;
}

// ---------------------------------------------------------------- record

void bh_mem__trace_start(bh_mem__program *p, const size_t *nodes, size_t n, bh_mem__trace_mark *m)
{
	m->held = p->held->items.len;
	m->diags = p->diags->items.len;
	m->checked = p->checked_events.len;
	m->special = p->special.len;
	bh_reuse__start(p->reuse, nodes, n, 0);
}

void bh_mem__trace_finish(bh_mem__program *p, const size_t *nodes, size_t n, const bh_findings *found,
			  const bh_mem__trace_mark *m)
{
	if (!p->reuse)
		return;
	bh_bytes out = { 0 };
	bh_wire_u(&out, n);
	for (size_t i = 0; i < n; i++)
		bh_reuse__put_member(p->reuse, &out, nodes[i], p->sums[nodes[i]], encode_summary, p->reuse);
	bh_reuse__put_results(p->reuse, &out, found, 0, p->diags, m->diags);
	bh_wire_u(&out, p->held->items.len - m->held);
	for (size_t i = m->held; i < p->held->items.len; i++) {
		bh_wire_str(&out, p->ids->names[p->held_node.items[i]]);
		bh_reuse__put_finding(p->reuse, &out, &p->held->items.items[i]);
	}
	bh_wire_u(&out, p->checked_events.len - m->checked);
	for (size_t i = m->checked; i < p->checked_events.len; i++)
		bh_wire_str(&out, p->ids->names[p->checked_events.items[i]]);
	bh_wire_u(&out, p->special.len - m->special);
	bh_reuse__finish(p->reuse, &out);
}

// ---------------------------------------------------------------- replay

typedef struct {
	bh_mem__program *p;
	const size_t *nodes;
} member_decoder;

static void *decode_member(void *payload, size_t i, const void *bytes, size_t len)
{
	member_decoder *md = payload;
	bh_mem__summary *s = bh_arena_alloc(md->p->arena, sizeof(*s));
	return decode_summary(bytes, len, md->p, md->nodes[i], s) ? s : NULL;
}

static size_t node_named(const bh_mem__program *p, const char *name)
{
	return name ? bh_reuse__node_named(p->reuse, name) : SIZE_MAX;
}

bool bh_mem__trace_replay(bh_mem__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n,
			  bh_findings *out)
{
	size_t len;
	const void *data = bh_reuse__outputs(t, &len);
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	// Everything is read and checked before anything changes.
	bh_mem__summary **sums = bh_arena_alloc(p->arena, n * sizeof(*sums));
	member_decoder md = { p, nodes };
	if (!bh_reuse__get_members(&rd, n, (void **)sums, decode_member, &md))
		return false;
	bh_findings found, held;
	bh_findings_init(&found, p->arena);
	bh_findings_init(&held, p->held->arena); // (they outlive the part)
	bh_diags diags;
	bh_diags_init(&diags, p->arena);
	BH_VEC(size_t) held_node = { 0 }, checked = { 0 };
	bool ok = bh_reuse__get_results(p->reuse, &rd, &found, &diags);
	size_t nh = ok ? (size_t)bh_wire_get_max(&rd, len) : 0;
	for (size_t i = 0; i < nh && ok; i++) {
		size_t node = node_named(p, bh_wire_get_str(&rd));
		ok = node != SIZE_MAX && bh_reuse__get_finding(p->reuse, &rd, &held);
		bh_vec_push(&held_node, node);
	}
	size_t nc = ok ? (size_t)bh_wire_get_max(&rd, len) : 0;
	for (size_t i = 0; i < nc && ok; i++) {
		size_t node = node_named(p, bh_wire_get_str(&rd));
		ok = node != SIZE_MAX;
		bh_vec_push(&checked, node);
	}
	size_t special = ok ? (size_t)bh_wire_get_u(&rd) : 0;
	ok = ok && bh_wire_done(&rd);
	if (ok) {
		for (size_t i = 0; i < n; i++)
			p->sums[nodes[i]] = sums[i];
		bh_findings_append(out, &found);
		bh_diags_append(p->diags, &diags);
		// (held.items and held_node grow together: neither is NULL here.)
		for (size_t i = 0; i < held.items.len; i++) {
			bh_vec_push(&p->held->items, held.items.items[i]);
			bh_vec_push(&p->held_node, held_node.items[i]); // NOLINT(clang-analyzer-core.NullDereference)
			p->null_unchecked[held_node.items[i]]++;
		}
		for (size_t i = 0; i < checked.len; i++)
			p->null_checked[checked.items[i]]++;
		p->replayed_special += special;
	}
	bh_findings_dispose(&found);
	bh_vec_dispose(&held.items);
	bh_diags_dispose(&diags);
	bh_vec_dispose(&held_node);
	bh_vec_dispose(&checked);
	return ok;
}
