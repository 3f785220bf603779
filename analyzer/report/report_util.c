// SPDX-License-Identifier: MIT
// Helpers shared by the report writers: summary counts and thin jansson
// wrappers that keep the writers free of error plumbing. The writers run
// last in the pipeline and read findings and diagnostics without changing
// them.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/img.h"
#include "report/report_internal.h"

size_t bh_report__nfindings(const bh_report *r)
{
	return r->findings ? r->findings->items.len : 0;
}

size_t bh_report__ndiags(const bh_report *r)
{
	return r->diags ? r->diags->items.len : 0;
}

void bh_report__count(bh_report__counts *out, const bh_report *r)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < bh_report__nfindings(r); i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (fd->suppressed != BH_SUPPRESS_NONE) {
			out->suppressed++;
			continue;
		}
		out->findings++;
		switch (fd->level) {
		case BH_LEVEL_ERROR: out->errors++; break;
		case BH_LEVEL_WARNING: out->warnings++; break;
		case BH_LEVEL_NOTE: out->notes++; break;
		case BH_LEVEL_NONE: break;
		}
	}
	out->diagnostics = bh_report__ndiags(r);
	for (size_t i = 0; i < out->diagnostics; i++)
		if (r->diags->items.items[i].level == BH_LEVEL_ERROR)
			out->diag_errors++;
}

json_t *bh_report__jpos(uint32_t v)
{
	return v ? json_integer(v) : json_null();
}

void bh_report__set(json_t *obj, const char *key, json_t *value)
{
	bh_assert(value != NULL);
	int rc = json_object_set_new(obj, key, value);
	bh_assert(rc == 0);
	(void)rc;
}

void bh_report__append(json_t *arr, json_t *value)
{
	bh_assert(value != NULL);
	int rc = json_array_append_new(arr, value);
	bh_assert(rc == 0);
	(void)rc;
}

bh_status bh_report__dump(FILE *out, const json_t *root)
{
	// 15 significant digits print 9.8 as 9.8, not 9.8000000000000007.
	size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
	if (json_dumpf(root, out, flags) != 0 || fputc('\n', out) == EOF ||
	    fflush(out) != 0 || ferror(out))
		return BH_EIO;
	return BH_OK;
}

const char *bh_report__suppress_name(bh_suppress_kind kind)
{
	switch (kind) {
	case BH_SUPPRESS_INLINE: return "inline";
	case BH_SUPPRESS_CONFIG: return "config";
	case BH_SUPPRESS_BASELINE: return "baseline";
	case BH_SUPPRESS_NONE: break;
	}
	return NULL;
}

json_t *bh_report__image(const bh_image_context *c)
{
	if (!c)
		return json_null();
	json_t *o = json_object();
	bh_report__set(o, "shipped", json_string(bh_img_ship_name(c->shipped)));
	bh_report__set(o, "reason", bh_json_string(c->reason));
	bh_report__set(o, "dockerfile", bh_json_string(c->dockerfile));
	bh_report__set(o, "stage", bh_json_string(c->stage));
	bh_report__set(o, "artifact", bh_json_string(c->artifact));
	bh_report__set(o, "path", bh_json_string(c->image_path));
	bh_report__set(o, "entrypoint", json_boolean(c->entrypoint));
	bh_report__set(o, "user", bh_json_string(c->user));
	bh_report__set(o, "root", c->root < 0 ? json_null() : json_boolean(c->root));
	json_t *ports = json_array();
	for (size_t i = 0; i < c->nports; i++)
		bh_report__append(ports, bh_json_string(c->ports[i]));
	bh_report__set(o, "ports", ports);
	bh_report__set(o, "base", bh_json_string(c->base));
	bh_report__set(o, "libc", bh_json_string(c->libc));
	bh_report__set(o, "exposure", json_integer(c->exposure));
	bh_report__set(o, "original_level", json_string(bh_level_name(c->original_level)));
	bh_report__set(o, "level_adjusted", json_boolean(c->adjusted));
	return o;
}

// `in image: /usr/local/bin/app, the entrypoint, runs as root, port 8080
// (Dockerfile, exposure 100)`; the reason when it does not, or may not,
// reach the image.
const char *bh_report_image_summary(bh_arena *arena, const bh_finding *fd)
{
	const bh_image_context *c = fd->image;
	if (!c)
		return NULL;
	const char *s;
	if (c->shipped == BH_IMG_SHIP_YES) {
		s = bh_arena_sprintf(arena, "in image: %s", c->image_path ? c->image_path : "?");
		if (c->artifact)
			s = bh_arena_sprintf(arena, "%s, %s", s,
					     c->entrypoint ? "the entrypoint" : "not the entrypoint");
		if (c->root == 1)
			s = bh_arena_sprintf(arena, "%s, %s", s,
					     c->user ? "runs as root" : "runs as root (no USER)");
		else if (c->user)
			s = bh_arena_sprintf(arena, "%s, runs as %s%s", s, c->user,
					     c->root < 0 ? " (root or not: unknown)" : "");
		for (size_t i = 0; i < c->nports; i++)
			s = bh_arena_sprintf(arena, "%s%s%s", s,
					     i ? ", " : c->nports > 1 ? ", ports " : ", port ", c->ports[i]);
	} else {
		s = bh_arena_sprintf(arena, "%s%s",
				     c->shipped == BH_IMG_SHIP_NO ? "not in image: " : "in image: unknown: ",
				     c->reason ? c->reason : "?");
	}
	s = bh_arena_sprintf(arena, "%s (%s, exposure %d", s, c->dockerfile, c->exposure);
	if (c->adjusted)
		s = bh_arena_sprintf(arena, "%s; %s from %s", s,
				     fd->level > c->original_level ? "raised" : "lowered",
				     bh_level_name(c->original_level));
	return bh_arena_sprintf(arena, "%s)", s);
}

bh_report__band bh_report__finding_band(const bh_finding *fd)
{
	double score = fd->rule->security_severity;
	int band = score >= 9.0   ? BH_REPORT_BAND_CRITICAL
		   : score >= 7.0 ? BH_REPORT_BAND_HIGH
		   : score >= 4.0 ? BH_REPORT_BAND_MEDIUM
		   : score > 0.0  ? BH_REPORT_BAND_LOW
				  : BH_REPORT_BAND_INFO;
	band += (int)fd->level - (int)fd->rule->level;
	if (band < BH_REPORT_BAND_INFO)
		band = BH_REPORT_BAND_INFO;
	if (band > BH_REPORT_BAND_CRITICAL)
		band = BH_REPORT_BAND_CRITICAL;
	return (bh_report__band)band;
}

const char *bh_report__finding_key(char *buf, size_t cap, const bh_finding *fd)
{
	if (fd->fingerprint[0])
		snprintf(buf, cap, "%s", fd->fingerprint);
	else
		snprintf(buf, cap, "%s:%s:%u:%u", fd->rule->id, fd->loc.path ? fd->loc.path : "",
			 (unsigned)fd->loc.line, (unsigned)fd->loc.col);
	return buf;
}
