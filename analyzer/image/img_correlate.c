// SPDX-License-Identifier: MIT
// Image correlation: each finding on a file of the build context learns how
// that file reaches the image a Dockerfile builds. For a C source that is
// the program it is linked into (img_artifacts.c) and whether the target
// runs it; for any other file, whether the target stage's filesystem holds
// it. The target stage adds who runs it (USER), the ports it EXPOSEs, and
// its base image. With several Dockerfiles the most exposed image wins.
//
// Levels move by at most one step, and only for code: a secret is a leak
// wherever it sits, so secret findings keep their level and gain the
// context alone.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/finding.h"
#include "bulkhead/rule.h"
#include "bulkhead/strset.h"
#include "img_internal.h"

static bool is_c_header(const char *path)
{
	return bh_str_ends_with(path, ".h");
}

// ------------------------------------------------------------ the target

const bh_img_ref *bh_img_base_of(const bh_img *img, int stage)
{
	int s = stage;
	for (int guard = 0; img->stages[s].base_stage >= 0 && guard < 10000; guard++)
		s = img->stages[s].base_stage;
	return &img->stages[s].base;
}

static bool name_is(const char *name, const char *const *names, size_t n)
{
	const char *slash = strrchr(name, '/');
	const char *last = slash ? slash + 1 : name;
	for (size_t i = 0; i < n; i++)
		if (strcmp(last, names[i]) == 0)
			return true;
	return false;
}

// Official images are Debian-based unless tagged alpine; distroless
// "static" and scratch have no C library.
const char *bh_img_libc(const bh_img_ref *ref)
{
	static const char *const glibc[] = {
		"debian", "ubuntu", "fedora", "centos", "rockylinux", "almalinux", "ubi8", "ubi9",
		"ubi", "ubi-minimal", "amazonlinux", "oraclelinux", "archlinux", "gcc",
		"buildpack-deps", "python", "node", "golang", "rust", "redis", "nginx", "httpd",
		"postgres", "memcached",
	};
	if (ref->scratch)
		return "none";
	if (ref->symbolic || !ref->name)
		return NULL;
	const char *tag = ref->tag ? ref->tag : "";
	if (strstr(ref->name, "distroless"))
		return strstr(ref->name, "static") ? "none" : "glibc";
	if (strstr(ref->name, "alpine") || strstr(tag, "alpine") || strstr(tag, "musl"))
		return "musl";
	if (strcmp(ref->name, "busybox") == 0 || bh_str_ends_with(ref->name, "/busybox"))
		return strstr(tag, "glibc") ? "glibc" : NULL;
	if (name_is(ref->name, glibc, BH_ARRAY_LEN(glibc)))
		return "glibc";
	return NULL;
}

static void describe_target(bh_arena *arena, const bh_img *img, bh_image_context *c)
{
	const bh_img_stage *t = &img->stages[img->target];
	c->dockerfile = img->dockerfile;
	c->stage = bh_img_stage_label(arena, img, img->target);
	c->user = t->user;
	// No USER anywhere in the chain: Docker runs the base image's user,
	// root for every common base.
	c->root = t->user ? t->user_root : 1;
	c->ports = t->ports;
	c->nports = t->nports;
	const bh_img_ref *base = bh_img_base_of(img, img->target);
	c->base = base->raw;
	c->libc = bh_img_libc(base);
}

static void add_ship_step(bh_arena *arena, bh_image_context *c, const char *dockerfile,
			  const bh_df_instr *in, const char *message)
{
	if (!in)
		return;
	bh_finding_step *steps = bh_arena_alloc(arena, (c->nships + 1) * sizeof(*steps));
	if (c->nships)
		memcpy(steps, c->ships, c->nships * sizeof(*steps));
	steps[c->nships].loc = (bh_loc){ dockerfile, in->loc.line, in->loc.col, 0, 0 };
	steps[c->nships].message = message;
	c->ships = steps;
	c->nships++;
}

// ---------------------------------------------------------------- code

static bool artifact_has(const bh_img_artifact *a, const char *path)
{
	for (size_t i = 0; i < a->nsources; i++)
		if (strcmp(a->sources[i], path) == 0)
			return true;
	return false;
}

static int artifact_rank(const bh_img_artifact *a)
{
	switch (a->shipped) {
	case BH_IMG_SHIP_YES: return a->entrypoint ? 4 : 3;
	case BH_IMG_SHIP_UNKNOWN: return 2;
	default: return 1;
	}
}

// A source of `a` that includes header `path` ("HEADER\x1fSOURCE" in
// `includes`), or NULL.
static const char *includer_in(const bh_img_artifact *a, const char *path, const bh_strset *includes,
			       bh_arena *arena)
{
	for (size_t i = 0; includes && i < a->nsources; i++)
		if (bh_strset_contains(includes, bh_arena_sprintf(arena, "%s\x1f%s", path, a->sources[i])))
			return a->sources[i];
	return NULL;
}

// The program that `path` is compiled into (a header: through a source
// that includes it) that is most exposed, and that source.
static const bh_img_artifact *best_artifact(const bh_img *img, const char *path,
					    const bh_strset *includes, bh_arena *arena,
					    const char **via)
{
	const bh_img_artifact *best = NULL;
	*via = NULL;
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *a = &img->artifacts[i];
		const char *includer = artifact_has(a, path) ? NULL : includer_in(a, path, includes, arena);
		if (!artifact_has(a, path) && !includer)
			continue;
		if (!best || artifact_rank(a) > artifact_rank(best)) {
			best = a;
			*via = includer;
		}
	}
	return best;
}

// ---------------------------------------------------------------- files

// The entry of `stage` that holds context file `path` (newest), or NULL.
static const bh_img_file *context_entry(const bh_img_stage *st, const char *path)
{
	for (size_t i = st->nfiles; i-- > 0;) {
		const bh_img_file *root = bh_img_file_root(st->files[i]);
		if (root->origin == BH_IMG_FROM_CONTEXT && strcmp(root->source, path) == 0)
			return st->files[i];
	}
	return NULL;
}

// A build command of `stage` that is not a compiler line (make, cmake,
// meson, ninja, configure): it may compile anything the stage holds.
static const bh_img_build_cmd *opaque_build(const bh_img *img, const bh_img_stage *st)
{
	for (size_t i = 0; i < st->nbuilds; i++) {
		const bh_img_build_cmd *bd = &img->builds[st->builds[i]];
		if (bd->kind >= BH_IMG_BUILD_MAKE && bd->kind <= BH_IMG_BUILD_CONFIGURE)
			return bd;
	}
	return NULL;
}

// A `cc -c` of `stage` that compiles `path` into objects, or NULL.
static const bh_img_build_cmd *compiles_only(const bh_img *img, const bh_img_stage *st,
					     const char *path)
{
	for (size_t i = 0; i < st->nbuilds; i++) {
		const bh_img_build_cmd *bd = &img->builds[st->builds[i]];
		if (bd->kind != BH_IMG_BUILD_CC || !bd->nobjects)
			continue;
		for (size_t k = 0; k < bd->nsources; k++)
			if (strcmp(bd->sources[k], path) == 0)
				return bd;
	}
	return NULL;
}

// A C file no recognised link step takes: where it is decides.
static void code_without_artifact(bh_arena *arena, const bh_img *img, const char *path,
				  bh_image_context *c)
{
	const char *df = img->dockerfile;
	const char *outside = NULL; // a stage that has it but is not in the target
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		const bh_img_file *f = context_entry(st, path);
		if (!f)
			continue;
		if (!st->in_target) {
			outside = bh_img_stage_label(arena, img, (int)s);
			continue;
		}
		c->shipped = BH_IMG_SHIP_UNKNOWN;
		const bh_img_build_cmd *bd = opaque_build(img, st);
		const bh_img_build_cmd *cc = compiles_only(img, st, path);
		if (cc) {
			c->reason = bh_arena_sprintf(arena, "compiled into an object by the RUN at %s:%u, which "
						     "no recognised link step of %s takes", df,
						     cc->loc.line, bh_img_stage_label(arena, img, (int)s));
			add_ship_step(arena, c, df, img->runs[cc->run].instr, "compiled here");
		} else if (bd) {
			c->reason = bh_arena_sprintf(arena, "%s builds with %s at %s:%u, whose rules are not "
						     "followed to the programs it links",
						     bh_img_stage_label(arena, img, (int)s), bd->tool, df,
						     bd->loc.line);
			add_ship_step(arena, c, df, img->runs[bd->run].instr, "built here");
		} else if (is_c_header(path)) {
			c->reason = bh_arena_sprintf(arena, "a header copied into %s by the %s at %s:%u; it "
						     "ships with the programs whose sources include it",
						     bh_img_stage_label(arena, img, (int)s),
						     bh_df_kind_name(f->instr->kind), df, f->instr->loc.line);
		} else {
			c->reason = bh_arena_sprintf(arena, "copied into %s by the %s at %s:%u, where no "
						     "recognised command compiles it",
						     bh_img_stage_label(arena, img, (int)s),
						     bh_df_kind_name(f->instr->kind), df, f->instr->loc.line);
		}
		add_ship_step(arena, c, df, f->instr, "copied here");
		return;
	}
	c->shipped = BH_IMG_SHIP_NO;
	c->reason = outside ? bh_arena_sprintf(arena, "only %s has it, and the target image does "
					       "not use that stage", outside)
			    : bh_arena_sprintf(arena, "no stage of %s copies it", df);
}

// Any other file: is it in the target's filesystem (or a layer of it)?
static void file_context(bh_arena *arena, const bh_img *img, const char *path, bh_image_context *c)
{
	const char *df = img->dockerfile;
	const bh_img_stage *t = &img->stages[img->target];
	const bh_img_file *f = context_entry(t, path);
	if (f) {
		c->shipped = BH_IMG_SHIP_YES;
		c->image_path = f->path;
		c->reason = f->removed
			? bh_arena_sprintf(arena, "copied to %s by the %s at %s:%u; the RUN at %s:%u "
					   "deletes it, but its layer keeps it", f->path,
					   bh_df_kind_name(f->instr->kind), df, f->instr->loc.line, df,
					   f->removed_by ? f->removed_by->loc.line : 0)
			: bh_arena_sprintf(arena, "copied to %s by the %s at %s:%u", f->path,
					   bh_df_kind_name(f->instr->kind), df, f->instr->loc.line);
		add_ship_step(arena, c, df, f->instr, "copied into the image here");
		return;
	}
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_file *g = context_entry(&img->stages[s], path);
		if (g) {
			c->shipped = BH_IMG_SHIP_NO;
			c->reason = bh_arena_sprintf(arena, "only in %s (the %s at %s:%u), which the target "
						     "image does not take it from",
						     bh_img_stage_label(arena, img, (int)s),
						     bh_df_kind_name(g->instr->kind), df, g->instr->loc.line);
			return;
		}
	}
	c->shipped = BH_IMG_SHIP_NO;
	c->reason = bh_arena_sprintf(arena, "no stage of %s copies it", df);
}

// ------------------------------------------------------------- scoring

int bh_img_exposure(const bh_image_context *c)
{
	if (c->shipped == BH_IMG_SHIP_NO)
		return 0;
	if (c->shipped == BH_IMG_SHIP_UNKNOWN)
		return 25;
	int score = 40;
	if (c->entrypoint)
		score += 25;
	score += c->root == 1 ? 20 : c->root < 0 ? 10 : 0;
	if (c->nports)
		score += 15;
	return score;
}

static bool context_for(bh_arena *arena, const bh_img *img, const char *path,
			const bh_strset *includes, bh_image_context *c)
{
	if (img->target < 0 || strcmp(path, img->dockerfile) == 0)
		return false;
	memset(c, 0, sizeof(*c));
	describe_target(arena, img, c);
	if (!bh_img__is_c_source(path) && !is_c_header(path)) {
		file_context(arena, img, path, c);
		return true;
	}
	const char *via;
	const bh_img_artifact *a = best_artifact(img, path, includes, arena, &via);
	if (!a) {
		code_without_artifact(arena, img, path, c);
		return true;
	}
	c->shipped = a->shipped;
	c->artifact = a->path;
	c->image_path = a->image_path;
	c->entrypoint = a->entrypoint;
	c->reason = via ? bh_arena_sprintf(arena, "included by %s, compiled into %s: %s", via, a->path,
					   a->why)
			: bh_arena_sprintf(arena, "compiled into %s: %s", a->path, a->why);
	const bh_img_build_cmd *bd = &img->builds[a->build];
	add_ship_step(arena, c, img->dockerfile, img->runs[bd->run].instr, "compiled and linked here");
	if (a->ship_instr && a->ship_instr != img->runs[bd->run].instr)
		add_ship_step(arena, c, img->dockerfile, a->ship_instr, "shipped into the image here");
	return true;
}

// CWEs of memory corruption and of injection: what an attacker reaching
// an exposed root service turns into code execution.
static bool is_exploitable(const bh_rule *rule)
{
	static const int cwes[] = { 22,  23,  77,  78,  88,  89,  119, 120, 121, 122, 124, 125,
				    126, 127, 131, 134, 190, 191, 193, 242, 415, 416, 457, 476,
				    562, 590, 680, 690, 761, 762, 787, 805, 806, 908 };
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < BH_ARRAY_LEN(cwes); i++)
			if (rule->cwe[k] == cwes[i])
				return true;
	return false;
}

static void adjust_level(bh_finding *fd, bh_image_context *c)
{
	c->original_level = fd->level;
	if (strcmp(fd->rule->domain, "c") != 0)
		return;
	if (c->shipped == BH_IMG_SHIP_NO && fd->level > BH_LEVEL_NOTE)
		fd->level = fd->level == BH_LEVEL_ERROR ? BH_LEVEL_WARNING : BH_LEVEL_NOTE;
	else if (c->shipped == BH_IMG_SHIP_YES && c->entrypoint && c->root == 1 && c->nports &&
		 fd->level < BH_LEVEL_ERROR && is_exploitable(fd->rule))
		fd->level = BH_LEVEL_ERROR;
	c->adjusted = fd->level != c->original_level;
}

void bh_img_correlate(bh_img *const *images, size_t nimages, const char *const *includes,
		      size_t nincludes, bh_findings *findings)
{
	if (!nimages)
		return;
	bh_arena *arena = findings->arena;
	bh_strset pairs = { 0 };
	for (size_t i = 0; i < nincludes; i++)
		bh_strset_insert(&pairs, includes[i]);
	for (size_t i = 0; i < findings->items.len; i++) {
		bh_finding *fd = &findings->items.items[i];
		if (!fd->loc.path)
			continue;
		bh_image_context best, cur;
		bool have = false;
		for (size_t k = 0; k < nimages; k++) {
			if (!images[k] || !context_for(arena, images[k], fd->loc.path, &pairs, &cur))
				continue;
			cur.exposure = bh_img_exposure(&cur);
			if (!have || cur.exposure > best.exposure)
				best = cur;
			have = true;
		}
		if (!have)
			continue;
		adjust_level(fd, &best);
		fd->image = bh_arena_memdup(arena, &best, sizeof(best));
	}
	bh_strset_dispose(&pairs);
}

// The location order kept among findings of equal exposure (a finding
// without an image context, such as one on a Dockerfile, counts as
// unknown: 25).
typedef struct {
	bh_finding fd;
	size_t index;
} ranked;

static int exposure_of(const bh_finding *fd)
{
	return fd->image ? fd->image->exposure : 25;
}

static int compare_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	int ex = exposure_of(&x->fd), ey = exposure_of(&y->fd);
	if (ex != ey)
		return ex > ey ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

void bh_img_order_by_exposure(bh_findings *findings)
{
	size_t n = findings->items.len;
	if (n < 2)
		return;
	ranked *r = bh_xmalloc(n * sizeof(*r));
	for (size_t i = 0; i < n; i++)
		r[i] = (ranked){ findings->items.items[i], i };
	qsort(r, n, sizeof(*r), compare_ranked);
	for (size_t i = 0; i < n; i++)
		findings->items.items[i] = r[i].fd;
	free(r);
}
