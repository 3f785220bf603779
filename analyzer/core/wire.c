// SPDX-License-Identifier: MIT
// The cache's binary wire format (include/bulkhead/wire.h).
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/rule.h"
#include "bulkhead/wire.h"

void bh_wire_u(bh_bytes *b, uint64_t v)
{
	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		bh_vec_push(b, (unsigned char)(c | (v ? 0x80 : 0)));
	} while (v);
}

void bh_wire_s(bh_bytes *b, int64_t v)
{
	bh_wire_u(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void bh_wire_raw(bh_bytes *b, const void *p, size_t n)
{
	if (!n)
		return;
	bh_vec_reserve(b, n);
	memcpy(b->items + b->len, p, n);
	b->len += n;
}

void bh_wire_str(bh_bytes *b, const char *s)
{
	// 0: NULL; else 1 + the length, the bytes and the NUL.
	if (!s) {
		bh_wire_u(b, 0);
		return;
	}
	size_t n = strlen(s);
	bh_wire_u(b, (uint64_t)n + 1);
	bh_wire_raw(b, s, n + 1);
}

void bh_wire_blob(bh_bytes *b, const void *p, size_t n)
{
	bh_wire_u(b, n);
	bh_wire_raw(b, p, n);
}

void bh_wire_loc(bh_bytes *b, const bh_loc *l)
{
	bh_wire_str(b, l->path);
	bh_wire_u(b, l->line);
	bh_wire_u(b, l->col);
	bh_wire_u(b, l->end_line);
	bh_wire_u(b, l->end_col);
}

// ------------------------------------------------------------------ reading

bh_wire_reader bh_wire_reader_of(const void *data, size_t len)
{
	const unsigned char *p = data;
	return (bh_wire_reader){ p, p + len, data != NULL || len == 0 };
}

uint64_t bh_wire_get_u(bh_wire_reader *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0; r->ok; shift += 7) {
		if (r->p >= r->end || shift > 63) {
			r->ok = false;
			break;
		}
		unsigned char c = *r->p++;
		if (shift == 63 && (c & 0x7e)) { // bits beyond 64
			r->ok = false;
			break;
		}
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	return 0;
}

uint64_t bh_wire_get_max(bh_wire_reader *r, uint64_t max)
{
	uint64_t v = bh_wire_get_u(r);
	if (v > max)
		r->ok = false;
	return r->ok ? v : 0;
}

int64_t bh_wire_get_s(bh_wire_reader *r)
{
	uint64_t u = bh_wire_get_u(r);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

const void *bh_wire_get_raw(bh_wire_reader *r, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		return NULL;
	}
	const void *at = r->p;
	r->p += n;
	return at;
}

const char *bh_wire_get_str(bh_wire_reader *r)
{
	uint64_t n = bh_wire_get_max(r, (uint64_t)(r->end - r->p));
	if (!r->ok || n == 0)
		return NULL;
	const char *s = bh_wire_get_raw(r, (size_t)n);
	// The NUL written at the end, and none before it.
	if (!s || s[n - 1] != '\0' || memchr(s, '\0', (size_t)n - 1)) {
		r->ok = false;
		return NULL;
	}
	return s;
}

const void *bh_wire_get_blob(bh_wire_reader *r, size_t *n)
{
	*n = (size_t)bh_wire_get_max(r, (uint64_t)(r->end - r->p));
	const void *at = r->ok ? bh_wire_get_raw(r, *n) : NULL;
	if (!r->ok)
		*n = 0;
	return at;
}

bh_loc bh_wire_get_loc(bh_wire_reader *r)
{
	bh_loc l = { 0 };
	l.path = bh_wire_get_str(r);
	l.line = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.col = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.end_line = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.end_col = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	return l;
}

const char *bh_wire_get_str_in(bh_wire_reader *r, bh_arena *arena)
{
	const char *s = bh_wire_get_str(r);
	return s ? bh_arena_strdup(arena, s) : NULL;
}

bh_loc bh_wire_get_loc_in(bh_wire_reader *r, bh_arena *arena)
{
	bh_loc l = bh_wire_get_loc(r);
	l.path = l.path ? bh_arena_strdup(arena, l.path) : NULL;
	return l;
}

bool bh_wire_done(const bh_wire_reader *r)
{
	return r->ok && r->p == r->end;
}

// ------------------------------------------------------------ findings

// Places as they are, or through `p`.
static void put_place(bh_bytes *b, const bh_loc *l, const bh_wire_places *p)
{
	if (p)
		p->put(b, l, p->payload);
	else
		bh_wire_loc(b, l);
}

static bh_loc get_place(bh_wire_reader *rd, bh_arena *a, const bh_wire_places *p)
{
	return p ? p->get(rd, a, p->payload) : bh_wire_get_loc_in(rd, a);
}

static void put_steps(bh_bytes *b, const bh_finding_step *s, size_t n, const bh_wire_places *p)
{
	bh_wire_u(b, n);
	for (size_t i = 0; i < n; i++) {
		put_place(b, &s[i].loc, p);
		bh_wire_str(b, s[i].message);
	}
}

void bh_wire_finding_at(bh_bytes *b, const bh_finding *f, const bh_wire_places *p)
{
	bh_wire_str(b, f->rule->id);
	bh_wire_u(b, (uint64_t)f->level);
	bh_wire_str(b, f->message);
	put_place(b, &f->loc, p);
	bh_wire_str(b, f->function);
	bh_wire_str(b, f->snippet);
	put_steps(b, f->related, f->nrelated, p);
	put_steps(b, f->flow, f->nflow, p);
	bh_wire_str(b, f->note);
	bh_wire_u(b, f->fix != NULL);
	if (f->fix) {
		bh_wire_str(b, f->fix->title);
		put_place(b, &f->fix->loc, p);
		bh_wire_str(b, f->fix->text);
	}
}

void bh_wire_finding(bh_bytes *b, const bh_finding *f)
{
	bh_wire_finding_at(b, f, NULL);
}

static bh_finding_step *get_steps(bh_wire_reader *rd, bh_arena *a, size_t *n, const bh_wire_places *p)
{
	*n = (size_t)bh_wire_get_max(rd, (size_t)(rd->end - rd->p) / 7);
	bh_finding_step *s = bh_arena_alloc(a, (*n + 1) * sizeof(*s));
	for (size_t i = 0; i < *n && rd->ok; i++) {
		s[i].loc = get_place(rd, a, p);
		s[i].message = bh_wire_get_str_in(rd, a);
	}
	if (!rd->ok)
		*n = 0;
	return *n ? s : NULL;
}

bool bh_wire_get_finding_at(bh_wire_reader *rd, bh_findings *out, const bh_wire_places *p)
{
	bh_arena *a = out->arena;
	const char *id = bh_wire_get_str(rd);
	bh_finding f = { 0 };
	f.rule = id ? bh_rule_find(id) : NULL;
	f.level = (bh_level)bh_wire_get_max(rd, BH_LEVEL_ERROR);
	f.message = bh_wire_get_str_in(rd, a);
	f.loc = get_place(rd, a, p);
	f.function = bh_wire_get_str_in(rd, a);
	f.snippet = bh_wire_get_str_in(rd, a);
	f.related = get_steps(rd, a, &f.nrelated, p);
	f.flow = get_steps(rd, a, &f.nflow, p);
	f.note = bh_wire_get_str_in(rd, a);
	if (bh_wire_get_max(rd, 1)) {
		bh_finding_fix *fix = bh_arena_alloc(a, sizeof(*fix));
		fix->title = bh_wire_get_str_in(rd, a);
		fix->loc = get_place(rd, a, p);
		fix->text = bh_wire_get_str_in(rd, a);
		f.fix = fix;
	}
	if (!rd->ok || !f.rule || !f.message)
		return false;
	bh_vec_push(&out->items, f);
	return true;
}

bool bh_wire_get_finding(bh_wire_reader *rd, bh_findings *out)
{
	return bh_wire_get_finding_at(rd, out, NULL);
}

void bh_wire_diag_at(bh_bytes *b, const bh_diag *d, const bh_wire_places *p)
{
	bh_wire_u(b, (uint64_t)d->level);
	bh_wire_str(b, d->code);
	put_place(b, &d->loc, p);
	bh_wire_str(b, d->message);
}

void bh_wire_diag(bh_bytes *b, const bh_diag *d)
{
	bh_wire_diag_at(b, d, NULL);
}

bool bh_wire_get_diag(bh_wire_reader *rd, bh_diags *out)
{
	return bh_wire_get_diag_at(rd, out, NULL);
}

bool bh_wire_get_diag_at(bh_wire_reader *rd, bh_diags *out, const bh_wire_places *p)
{
	bh_diag d = { 0 };
	d.level = (bh_level)bh_wire_get_max(rd, BH_LEVEL_ERROR);
	d.code = bh_wire_get_str_in(rd, out->arena);
	d.loc = get_place(rd, out->arena, p);
	d.message = bh_wire_get_str_in(rd, out->arena);
	if (!rd->ok || !d.code || !d.message)
		return false;
	bh_vec_push(&out->items, d);
	return true;
}
