// SPDX-License-Identifier: MIT
// The call checks' traces across scans (include/bulkhead/reuse.h). A
// component's run reads its callees' summaries, whether some function of
// the program reads a global or a field (a result stored where nothing
// reads it is never checked), and whether a finding it would repeat was
// reported already (one per rule, place and value); it makes its members'
// summaries and its findings. The outputs:
//
//   nmembers, per member: whether it has a summary, then the summary
//   findings  appended by the component, in order
//   diags     its notes
#include <string.h>

#include "bulkhead/rule.h"
#include "dataflow/call_checks_internal.h"

// Everything a caller reads of a summary; the model by its place in the
// sealed table (one build, one table).
static void encode_summary(bh_bytes *b, const void *summary, const void *payload)
{
	const bh_calls__summary *s = summary;
	const bh_calls__program *p = payload;
	uint32_t np = s->fn->nparams;
	bh_wire_u(b, s->must ? (uint64_t)(s->must - p->models->items.items) + 1 : 0);
	bh_wire_str(b, s->must_by);
	bh_reuse__put_loc(p->reuse, b, &s->must_loc);
	bh_wire_u(b, np);
	for (uint32_t j = 0; j <= np; j++) {
		bh_wire_u(b, s->param_unread[j]);
		bh_wire_u(b, s->param_path[j]);
		bh_wire_str(b, s->path_by[j]);
		bh_reuse__put_loc(p->reuse, b, &s->path_loc[j]);
	}
}

static bool decode_summary(const void *data, size_t len, const bh_calls__program *p, const bh_ir_func *fn,
			   bh_calls__summary *s)
{
	bh_arena *a = p->arena;
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	memset(s, 0, sizeof(*s));
	s->fn = fn;
	uint64_t model = bh_wire_get_max(&rd, p->models->items.len);
	s->must = model ? &p->models->items.items[model - 1] : NULL;
	s->must_by = bh_wire_get_str_in(&rd, a);
	s->must_loc = bh_reuse__get_loc(p->reuse, &rd, a);
	if (bh_wire_get_u(&rd) != fn->nparams)
		return false;
	size_t np = (size_t)fn->nparams + 1;
	s->param_unread = bh_arena_alloc(a, np * sizeof(*s->param_unread));
	s->param_path = bh_arena_alloc(a, np * sizeof(*s->param_path));
	s->path_by = bh_arena_alloc(a, np * sizeof(*s->path_by));
	s->path_loc = bh_arena_alloc(a, np * sizeof(*s->path_loc));
	bool whole = !s->must || s->must_by; // (what the checks assume of a summary)
	for (size_t j = 0; j < np; j++) {
		s->param_unread[j] = bh_wire_get_max(&rd, 1);
		s->param_path[j] = (uint8_t)bh_wire_get_max(&rd, BH_CALLS__P_USE | BH_CALLS__P_CHECK);
		s->path_by[j] = bh_wire_get_str_in(&rd, a);
		s->path_loc[j] = bh_reuse__get_loc(p->reuse, &rd, a);
		whole = whole && (!s->param_path[j] || s->path_by[j]);
	}
	return bh_wire_done(&rd) && whole;
}

// ----------------------------------------------------------------- reads

static bool is_read(const bh_calls__program *p, char kind, const char *name)
{
	return bh_strset_contains(kind == 'g' ? &p->graph->read : &p->graph->fields_read, name);
}

static bool note_read(const bh_calls__program *p, char kind, const char *name)
{
	bool read = is_read(p, kind, name);
	if (p->reuse)
		bh_reuse__note_flag(p->reuse, bh_arena_sprintf(p->arena, "%c\x1f%s", kind, name), read);
	return read;
}

bool bh_calls__global_read(const bh_calls__program *p, const char *key)
{
	return note_read(p, 'g', key);
}

bool bh_calls__field_read(const bh_calls__program *p, const char *name)
{
	return note_read(p, 'f', name);
}

bool bh_calls__already_reported(const bh_calls__program *p, const bh_findings *out, const bh_rule *rule,
				const bh_loc *at, const char *snippet)
{
	return bh_reuse__note_reported(p->reuse, out, rule, at, snippet);
}

// bh_reuse__other_holds: is what the key names as it was then?
static bool read_holds(void *payload, const char *key, const unsigned char *digest)
{
	const bh_calls__program *p = payload;
	bool is_reported;
	bool holds = bh_reuse__reported_holds(p->reuse, p->out, key, digest, &is_reported);
	if (is_reported)
		return holds;
	return (key[0] == 'g' || key[0] == 'f') && key[1] == '\x1f' &&
	       bh_reuse__flag_holds(digest, is_read(p, key[0], key + 2));
}

// ---------------------------------------------------------------- record

void bh_calls__trace_start(bh_calls__program *p, const size_t *nodes, size_t n, bh_reuse__mark *m)
{
	bh_reuse__start_common(p->reuse, nodes, n, p->out, p->diags, m);
}

void bh_calls__trace_finish(bh_calls__program *p, const size_t *nodes, size_t n, const bh_reuse__mark *m)
{
	bh_reuse__finish_common(p->reuse, nodes, n, (void *const *)p->sums, encode_summary, p, p->out, p->diags, m);
}

// ---------------------------------------------------------------- replay

typedef struct {
	bh_calls__program *p;
	const size_t *nodes;
} member_decoder;

static void *decode_member(void *payload, size_t i, const void *bytes, size_t len)
{
	member_decoder *md = payload;
	bh_calls__summary *s = bh_arena_alloc(md->p->arena, sizeof(*s));
	return decode_summary(bytes, len, md->p, md->p->graph->funcs[md->nodes[i]], s) ? s : NULL;
}

const bh_reuse__trace *bh_calls__trace_find(bh_calls__program *p, const size_t *nodes, size_t n)
{
	return bh_reuse__find(p->reuse, nodes, n, 0, read_holds, p);
}

bool bh_calls__trace_replay(bh_calls__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n)
{
	bh_calls__summary **sums = bh_arena_alloc(p->arena, n * sizeof(*sums));
	member_decoder md = { p, nodes };
	if (!bh_reuse__replay_common(p->reuse, t, n, (void **)sums, decode_member, &md, p->arena, p->out, p->diags))
		return false;
	for (size_t i = 0; i < n; i++)
		p->sums[nodes[i]] = sums[i];
	return true;
}
