// SPDX-License-Identifier: MIT
// Helpers shared by the report writers: summary counts and thin jansson
// wrappers that keep the writers free of error plumbing. The writers run
// last in the pipeline and read findings and diagnostics without changing
// them.
#include <stdlib.h>
#include <string.h>

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
