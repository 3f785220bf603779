// SPDX-License-Identifier: MIT
// Findings and notes in traces (bh_reuse__put_results, get_results).
// Places go through bh_reuse__put_loc, and so do the line numbers the
// messages quote ("released at line 12", "at util.c:40"): each is written
// as the place of the finding it names (its own place, a related place, a
// step, the fix), and read back as that place's line now. A number naming
// no place of the finding (or two that would not move alike) is written
// as it is, and the component then reads where every function is
// (bh_reuse__note_places): it replays only while nothing moved.
//
//   finding: rule, level, message, place, function, snippet,
//            related (place, message)..., steps (place, message)...,
//            note, fix?, (title, place, text),
//            numbers: count, then (text, byte offset, digits, place)...
//   note:    level, code, place, message, numbers (as above)
//
// Texts are numbered 0 the message, then the related places' messages,
// the steps', the note and the fix's title; places 0 the finding's own,
// then the related ones, the steps and the fix's.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/rule.h"
#include "dataflow/reuse_internal.h"

// A finding's places and texts, numbered as above.
typedef struct {
	const bh_loc *places[256];
	size_t nplaces;
	const char **texts[256];
	size_t ntexts;
} parts;

static void add_place(parts *p, const bh_loc *l)
{
	if (p->nplaces < BH_ARRAY_LEN(p->places))
		p->places[p->nplaces++] = l;
}

static void add_text(parts *p, const char **t)
{
	if (p->ntexts < BH_ARRAY_LEN(p->texts))
		p->texts[p->ntexts++] = t;
}

static void finding_parts(bh_finding *f, parts *p)
{
	p->nplaces = p->ntexts = 0;
	add_place(p, &f->loc);
	add_text(p, &f->message);
	for (size_t i = 0; i < f->nrelated; i++) {
		add_place(p, &f->related[i].loc);
		add_text(p, &f->related[i].message);
	}
	for (size_t i = 0; i < f->nflow; i++) {
		add_place(p, &f->flow[i].loc);
		add_text(p, &f->flow[i].message);
	}
	add_text(p, &f->note);
	if (f->fix) {
		add_place(p, &f->fix->loc);
		add_text(p, (const char **)&f->fix->title);
	}
}

typedef struct {
	size_t text, at, len, place;
} number;
typedef BH_VEC(number) numbers;

// The places a number names: `path` NULL for "line N" (any file).
static size_t place_named(const bh_reuse *r, const parts *p, const char *path, uint32_t line, bool *same)
{
	size_t found = SIZE_MAX;
	uint32_t rel = 0, end, rel_first = 0;
	const char *holder_first = NULL;
	*same = true;
	for (size_t k = 0; k < p->nplaces; k++) {
		const bh_loc *l = p->places[k];
		if (l->line != line || (path && !bh_str_equal(path, l->path)))
			continue;
		const char *holder = bh_reuse__holder(r, l, &rel, &end);
		if (found == SIZE_MAX) {
			found = k;
			holder_first = holder;
			rel_first = rel;
		} else if (!bh_str_equal(holder, holder_first) || rel != rel_first) {
			*same = false;
		}
	}
	return found;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

// The numbers of text `t` (number `ti`) that name places: after "line "
// and after a place's path and ':'.
static void find_numbers(bh_reuse *r, const parts *p, size_t ti, const char *t, numbers *out)
{
	if (!t)
		return;
	for (const char *c = t; *c; c++) {
		if (!is_digit(*c) || (c > t && is_digit(c[-1])))
			continue;
		const char *path = NULL;
		bool line_word = c - t >= 5 && memcmp(c - 5, "line ", 5) == 0 &&
				 (c - t == 5 || !((c[-6] | 0x20) >= 'a' && (c[-6] | 0x20) <= 'z'));
		if (!line_word && c > t && c[-1] == ':') {
			for (size_t k = 0; k < p->nplaces && !path; k++) {
				const char *pp = p->places[k]->path;
				size_t n = pp ? strlen(pp) : 0;
				if (n && (size_t)(c - 1 - t) >= n && memcmp(c - 1 - n, pp, n) == 0)
					path = pp;
			}
			if (!path)
				continue;
		} else if (!line_word) {
			continue;
		}
		size_t len = 0;
		uint64_t v = 0;
		while (is_digit(c[len]) && len < 10)
			v = v * 10 + (uint64_t)(c[len++] - '0');
		if (is_digit(c[len]) || v > UINT32_MAX)
			continue;
		bool same;
		size_t k = place_named(r, p, path, (uint32_t)v, &same);
		if (k == SIZE_MAX || !same)
			bh_reuse__note_places(r); // (written as it is)
		else
			bh_vec_push(out, ((number){ ti, (size_t)(c - t), len, k }));
		c += len - 1;
	}
}

static void put_numbers(bh_reuse *r, bh_bytes *out, const parts *p)
{
	numbers nums = { 0 };
	for (size_t i = 0; i < p->ntexts; i++)
		find_numbers(r, p, i, *p->texts[i], &nums);
	bh_wire_u(out, nums.len);
	for (size_t i = 0; i < nums.len; i++) {
		bh_wire_u(out, nums.items[i].text);
		bh_wire_u(out, nums.items[i].at);
		bh_wire_u(out, nums.items[i].len);
		bh_wire_u(out, nums.items[i].place);
	}
	bh_vec_dispose(&nums);
}

// Rewrite the numbers of `p`'s texts as their places' lines now.
static bool get_numbers(bh_wire_reader *rd, parts *p, bh_arena *arena)
{
	size_t n = (size_t)bh_wire_get_max(rd, (size_t)(rd->end - rd->p) / 4);
	// Later numbers of a text first: earlier offsets stay valid.
	number *nums = n ? bh_xcalloc(n, sizeof(*nums)) : NULL;
	for (size_t i = 0; i < n && rd->ok; i++) {
		nums[i].text = (size_t)bh_wire_get_max(rd, p->ntexts ? p->ntexts - 1 : 0);
		nums[i].at = (size_t)bh_wire_get_u(rd);
		nums[i].len = (size_t)bh_wire_get_max(rd, 10);
		nums[i].place = (size_t)bh_wire_get_max(rd, p->nplaces ? p->nplaces - 1 : 0);
		if (!p->ntexts || !p->nplaces)
			rd->ok = false;
	}
	for (size_t i = n; i-- > 0 && rd->ok;) {
		const char *t = *p->texts[nums[i].text];
		size_t tl = t ? strlen(t) : 0;
		if (!t || nums[i].at > tl || nums[i].len > tl - nums[i].at ||
		    (i + 1 < n && nums[i + 1].text == nums[i].text && nums[i].at + nums[i].len > nums[i + 1].at)) {
			rd->ok = false;
			break;
		}
		const char *s = bh_arena_sprintf(arena, "%.*s%u%s", (int)nums[i].at, t, p->places[nums[i].place]->line,
						 t + nums[i].at + nums[i].len);
		*p->texts[nums[i].text] = s;
	}
	free(nums);
	return rd->ok;
}

// ------------------------------------------------------------ findings

static void put_place(bh_bytes *b, const bh_loc *l, const void *r)
{
	bh_reuse__put_loc(r, b, l);
}

static bh_loc get_place(bh_wire_reader *rd, bh_arena *a, const void *r)
{
	return bh_reuse__get_loc(r, rd, a);
}

void bh_reuse__put_finding(bh_reuse *r, bh_bytes *b, const bh_finding *f)
{
	bh_wire_places places = { put_place, get_place, r };
	bh_wire_finding_at(b, f, &places);
	parts p;
	finding_parts((bh_finding *)f, &p);
	put_numbers(r, b, &p);
}

bool bh_reuse__get_finding(const bh_reuse *r, bh_wire_reader *rd, bh_findings *out)
{
	bh_wire_places places = { put_place, get_place, r };
	if (!bh_wire_get_finding_at(rd, out, &places))
		return false;
	parts p;
	finding_parts(&out->items.items[out->items.len - 1], &p);
	if (!get_numbers(rd, &p, out->arena)) {
		out->items.len--;
		return false;
	}
	return true;
}

// --------------------------------------------------------------- notes

static void put_diag(bh_reuse *r, bh_bytes *b, const bh_diag *d)
{
	bh_wire_places places = { put_place, get_place, r };
	bh_wire_diag_at(b, d, &places);
	parts p = { .places = { &d->loc }, .nplaces = 1, .texts = { (const char **)&d->message }, .ntexts = 1 };
	put_numbers(r, b, &p);
}

static bool get_diag(const bh_reuse *r, bh_wire_reader *rd, bh_diags *out)
{
	bh_wire_places places = { put_place, get_place, r };
	if (!bh_wire_get_diag_at(rd, out, &places))
		return false;
	bh_diag *d = &out->items.items[out->items.len - 1];
	parts p = { .places = { &d->loc }, .nplaces = 1, .texts = { &d->message }, .ntexts = 1 };
	if (!get_numbers(rd, &p, out->arena)) {
		out->items.len--;
		return false;
	}
	return true;
}

// ------------------------------------------------------------- results

void bh_reuse__put_results(bh_reuse *r, bh_bytes *out, const bh_findings *f, size_t from, const bh_diags *d,
			   size_t dfrom)
{
	bh_wire_u(out, f->items.len - from);
	for (size_t i = from; i < f->items.len; i++)
		bh_reuse__put_finding(r, out, &f->items.items[i]);
	bh_wire_u(out, d->items.len - dfrom);
	for (size_t i = dfrom; i < d->items.len; i++)
		put_diag(r, out, &d->items.items[i]);
}

bool bh_reuse__get_results(const bh_reuse *r, bh_wire_reader *rd, bh_findings *f, bh_diags *d)
{
	size_t left = (size_t)(rd->end - rd->p);
	size_t nf = (size_t)bh_wire_get_max(rd, left);
	bool ok = rd->ok;
	for (size_t i = 0; i < nf && ok; i++)
		ok = bh_reuse__get_finding(r, rd, f);
	size_t nd = ok ? (size_t)bh_wire_get_max(rd, left) : 0;
	for (size_t i = 0; i < nd && ok; i++)
		ok = get_diag(r, rd, d);
	return ok && rd->ok;
}
