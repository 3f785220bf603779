// SPDX-License-Identifier: MIT
// The uninitialised-read check's traces across scans (include/bulkhead/
// reuse.h). A component's run reads its callees' summaries
// (bh_uninit__callee_summary) and whether a finding is already reported
// (one per place and location, whoever reports it first); it makes its
// members' summaries, its findings and its notes. The outputs:
//
//   nmembers, per member: whether it has a summary, then the summary
//   findings  appended by the component, in order
//   diags     its notes (uninit.incomplete)
#include <string.h>

#include "bulkhead/rule.h"
#include "dataflow/uninit_internal.h"

static void put_facts(const bh_reuse *r, bh_bytes *b, const bh_uninit__field_fact *f, uint32_t n)
{
	bh_wire_u(b, n);
	for (uint32_t i = 0; i < n; i++) {
		bh_wire_str(b, f[i].field);
		bh_wire_u(b, (uint64_t)f[i].unset | (uint64_t)f[i].forwarded << 1);
		bh_reuse__put_loc(r, b, &f[i].at);
	}
}

// Everything a caller reads of a summary.
static void encode_summary(bh_bytes *b, const void *summary, const void *payload)
{
	const bh_reuse *r = payload;
	const bh_uninit__summary *s = summary;
	bh_wire_u(b, (uint64_t)s->analysed | (uint64_t)s->ret_known << 1 | (uint64_t)s->ret_rest_unset << 2);
	bh_wire_u(b, s->nparams);
	for (uint32_t j = 0; j < s->nparams; j++)
		put_facts(r, b, s->param_reads ? s->param_reads[j] : NULL,
			  s->param_reads && s->nparam_reads ? s->nparam_reads[j] : 0);
	bh_wire_u(b, s->ret_param);
	put_facts(r, b, s->ret_fields, s->nret_fields);
	bh_reuse__put_loc(r, b, &s->ret_rest_at);
	put_facts(r, b, s->global_reads, s->nglobal_reads);
}

static bh_uninit__field_fact *get_facts(const bh_reuse *r, bh_wire_reader *rd, bh_arena *a, uint32_t *n)
{
	*n = (uint32_t)bh_wire_get_max(rd, (uint64_t)(rd->end - rd->p) / 7);
	bh_uninit__field_fact *f = bh_arena_alloc(a, (*n + 1) * sizeof(*f));
	for (uint32_t i = 0; i < *n && rd->ok; i++) {
		f[i].field = bh_wire_get_str_in(rd, a);
		uint64_t bits = bh_wire_get_max(rd, 3);
		f[i].unset = bits & 1;
		f[i].forwarded = bits & 2;
		f[i].at = bh_reuse__get_loc(r, rd, a);
	}
	return f;
}

static bool decode_summary(const bh_reuse *r, const void *data, size_t len, bh_arena *a, const bh_ir_func *fn,
			   bh_uninit__summary *s)
{
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	memset(s, 0, sizeof(*s));
	uint64_t bits = bh_wire_get_max(&rd, 7);
	s->analysed = bits & 1;
	s->ret_known = bits & 2;
	s->ret_rest_unset = bits & 4;
	s->nparams = (uint32_t)bh_wire_get_max(&rd, fn->nparams);
	s->param_reads = bh_arena_alloc(a, (s->nparams + 1) * sizeof(*s->param_reads));
	s->nparam_reads = bh_arena_alloc(a, (s->nparams + 1) * sizeof(*s->nparam_reads));
	for (uint32_t j = 0; j < s->nparams && rd.ok; j++)
		s->param_reads[j] = get_facts(r, &rd, a, &s->nparam_reads[j]);
	s->ret_param = (uint32_t)bh_wire_get_max(&rd, s->nparams);
	s->ret_fields = get_facts(r, &rd, a, &s->nret_fields);
	s->ret_rest_at = bh_reuse__get_loc(r, &rd, a);
	s->global_reads = get_facts(r, &rd, a, &s->nglobal_reads);
	// (What the check assumes of a summary: a global read and a returned
	// slot are always named.)
	for (uint32_t i = 0; i < s->nglobal_reads && rd.ok; i++)
		if (!s->global_reads[i].field)
			return false;
	for (uint32_t i = 0; i < s->nret_fields && rd.ok; i++)
		if (!s->ret_fields[i].field)
			return false;
	return bh_wire_done(&rd);
}

// ---------------------------------------------------------------- record

void bh_uninit__trace_start(bh_uninit__program *p, const size_t *nodes, size_t n, bh_reuse__mark *m)
{
	bh_reuse__start_common(p->reuse, nodes, n, p->out, p->diags, m);
}

void bh_uninit__trace_finish(bh_uninit__program *p, const size_t *nodes, size_t n, const bh_reuse__mark *m)
{
	bh_reuse__finish_common(p->reuse, nodes, n, (void *const *)p->sums, encode_summary, p->reuse, p->out, p->diags,
				m);
}

bool bh_uninit__already_reported(bh_uninit__program *p, const bh_rule *rule, const bh_loc *at, const char *what)
{
	return bh_reuse__note_reported(p->reuse, p->out, rule, at, what);
}

// bh_reuse__other_holds: is the finding the key names reported now as it
// was then?
static bool reported_holds(void *payload, const char *key, const unsigned char *digest)
{
	const bh_uninit__program *p = payload;
	bool is_reported;
	return bh_reuse__reported_holds(p->reuse, p->out, key, digest, &is_reported);
}

// ---------------------------------------------------------------- replay

typedef struct {
	bh_uninit__program *p;
	const size_t *nodes;
} member_decoder;

static void *decode_member(void *payload, size_t i, const void *bytes, size_t len)
{
	member_decoder *md = payload;
	bh_uninit__summary *s = bh_arena_alloc(md->p->arena, sizeof(*s));
	return decode_summary(md->p->reuse, bytes, len, md->p->arena, md->p->graph->funcs[md->nodes[i]], s) ? s : NULL;
}

const bh_reuse__trace *bh_uninit__trace_find(bh_uninit__program *p, const size_t *nodes, size_t n)
{
	return bh_reuse__find(p->reuse, nodes, n, 0, reported_holds, p);
}

bool bh_uninit__trace_replay(bh_uninit__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n)
{
	bh_uninit__summary **sums = bh_arena_alloc(p->arena, n * sizeof(*sums));
	member_decoder md = { p, nodes };
	if (!bh_reuse__replay_common(p->reuse, t, n, (void **)sums, decode_member, &md, p->arena, p->out, p->diags))
		return false;
	for (size_t i = 0; i < n; i++)
		p->sums[nodes[i]] = sums[i];
	return true;
}
