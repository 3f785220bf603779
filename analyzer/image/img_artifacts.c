// SPDX-License-Identifier: MIT
// Artifacts: the programs and libraries that the recognised compiler lines
// of a Dockerfile link (img_cmds.c records their sources), and whether each
// reaches the target image. An artifact ships when an entry of the target
// stage's provenance map leads back to it: the artifact itself in a stage
// the target is built FROM, a COPY --from of it, an install/cp of it.
//
// "No" is said only when the model shows it: the building stage is not part
// of the target, the target copies other files from it and none of them is
// this one, or a RUN removed it. A COPY --from whose path the model cannot
// resolve makes it "unknown".
#include <string.h>

#include "img_internal.h"

const char *bh_img_ship_name(bh_img_ship ship)
{
	switch (ship) {
	case BH_IMG_SHIP_YES: return "yes";
	case BH_IMG_SHIP_NO: return "no";
	default: return "unknown";
	}
}

// Does entry `f` (of any stage) hold what build `index` wrote at `path`?
static bool holds_build(const bh_img_file *f, size_t index, const char *path)
{
	const bh_img_file *root = bh_img_file_root(f);
	return root->origin == BH_IMG_FROM_RUN && root->build == (int)index &&
	       strcmp(root->path, path) == 0;
}

// A COPY --from that takes from `stage` into a stage of the target, with
// a source the model could not resolve: it may carry the artifact.
static const bh_img_copy *unresolved_copy_from(const bh_img *img, int stage)
{
	for (size_t i = 0; i < img->ncopies; i++) {
		const bh_img_copy *c = &img->copies[i];
		if (c->from_stage != stage || !img->stages[c->stage].in_target)
			continue;
		for (size_t k = 0; k < c->nsrcs; k++)
			if (c->srcs[k].status == BH_IMG_SRC_SYMBOLIC || strchr(c->srcs[k].path, '$'))
				return c;
	}
	return NULL;
}

// Is `stage` `from` or built FROM it (and so holds its files)?
static bool derives_from(const bh_img *img, int stage, int from)
{
	for (int guard = 0; stage >= 0 && guard < 10000; guard++, stage = img->stages[stage].base_stage)
		if (stage == from)
			return true;
	return false;
}

// An install step of `stage` whose destinations were not read (`make
// install` through $(call), `cmake --install`, `ninja install`), or NULL.
static const bh_img_build_cmd *opaque_install(const bh_img *img, int stage)
{
	const bh_img_stage *st = &img->stages[stage];
	for (size_t i = 0; i < st->nbuilds; i++) {
		const bh_img_build_cmd *bd = &img->builds[st->builds[i]];
		if (bd->kind < BH_IMG_BUILD_MAKE || bd->kind > BH_IMG_BUILD_NINJA)
			continue;
		for (size_t k = 0; k < bd->nflags; k++)
			if (strncmp(bd->flags[k], "install", 7) == 0 || strcmp(bd->flags[k], "--install") == 0)
				return bd;
	}
	return NULL;
}

// The target copies from the artifact's stage a file the model knows
// nothing about (a build step it cannot follow wrote it): that file may be
// the artifact, so "no" cannot be said. Named like it and put there by an
// install step whose destinations were not read, it is the artifact.
static bool opaque_copy(bh_arena *arena, const bh_img *img, bh_img_artifact *a)
{
	const bh_img_stage *t = &img->stages[img->target];
	const bh_img_file *any = NULL, *named = NULL;
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *root = bh_img_file_root(t->files[i]);
		if (root->origin != BH_IMG_FROM_STAGE || root->prev || !derives_from(img, root->stage, a->stage))
			continue;
		any = any ? any : t->files[i];
		if (!named && strcmp(bh_sh_basename(root->source), bh_sh_basename(a->path)) == 0)
			named = t->files[i];
	}
	const char *df = img->dockerfile;
	const bh_img_build_cmd *install = opaque_install(img, a->stage);
	if (named && install) {
		a->shipped = BH_IMG_SHIP_YES;
		a->image_path = named->path;
		a->ship_instr = named->instr;
		a->entrypoint = t->exe_file && bh_img_file_root(t->exe_file) == bh_img_file_root(named);
		a->why = bh_arena_sprintf(arena, "the %s at %s:%u copies %s, which %s at %s:%u installs "
					  "(matched by name: the install destinations were not read)",
					  bh_df_kind_name(named->instr->kind), df, named->instr->loc.line,
					  bh_img_file_root(named)->source, install->tool, df, install->loc.line);
		return true;
	}
	const bh_img_file *f = named ? named : any;
	if (!f)
		return false;
	a->shipped = BH_IMG_SHIP_UNKNOWN;
	a->why = bh_arena_sprintf(arena, "the %s at %s:%u copies %s from %s, which no recognised step "
				  "wrote: it may be this program", bh_df_kind_name(f->instr->kind), df,
				  f->instr->loc.line, bh_img_file_root(f)->source,
				  bh_img_stage_label(arena, img, a->stage));
	return true;
}

static void ship(bh_arena *arena, const bh_img *img, bh_img_artifact *a)
{
	const bh_img_stage *t = &img->stages[img->target];
	const bh_img_file *found = NULL;
	for (size_t i = 0; i < t->nfiles && !found; i++)
		if (holds_build(t->files[i], a->build, a->path))
			found = t->files[i];
	const char *df = img->dockerfile;
	if (found && found->removed) {
		a->shipped = BH_IMG_SHIP_NO;
		a->why = bh_arena_sprintf(arena, "%s is removed by the RUN at %s:%u (its layer still "
					  "holds the bytes)", found->path, df,
					  found->removed_by ? found->removed_by->loc.line : 0);
		return;
	}
	if (found) {
		a->shipped = BH_IMG_SHIP_YES;
		a->image_path = found->path;
		a->ship_instr = found->instr;
		a->entrypoint = t->exe_file && holds_build(t->exe_file, a->build, a->path);
		if (found->origin == BH_IMG_FROM_RUN && !found->prev)
			a->why = bh_arena_sprintf(arena, "built into %s by the RUN at %s:%u, a layer of "
						  "the target", found->path, df, found->instr->loc.line);
		else
			a->why = bh_arena_sprintf(arena, "%s from %s is copied to %s by the %s at %s:%u",
						  a->path, bh_img_stage_label(arena, img, a->stage),
						  found->path, bh_df_kind_name(found->instr->kind), df,
						  found->instr->loc.line);
		return;
	}
	const char *stage = bh_img_stage_label(arena, img, a->stage);
	if (!img->stages[a->stage].in_target) {
		a->shipped = BH_IMG_SHIP_NO;
		a->why = bh_arena_sprintf(arena, "%s is built in %s, which the target image does not "
					  "use", a->path, stage);
		return;
	}
	if (opaque_copy(arena, img, a))
		return;
	const bh_img_copy *c = unresolved_copy_from(img, a->stage);
	if (c) {
		a->shipped = BH_IMG_SHIP_UNKNOWN;
		a->why = bh_arena_sprintf(arena, "the COPY at %s:%u takes a path from %s that holds an "
					  "unknown variable", df, c->instr->loc.line, stage);
		return;
	}
	a->shipped = BH_IMG_SHIP_NO;
	a->why = bh_arena_sprintf(arena, "%s is built in %s, but the target image takes nothing of it",
				  a->path, stage);
}

// "libfoo.so.1" -> "foo"; NULL for a name that is no shared library.
static const char *library_name(bh_arena *arena, const char *path)
{
	const char *base = bh_sh_basename(path);
	const char *so = strstr(base, ".so");
	if (strncmp(base, "lib", 3) != 0 || !so || (so[3] && so[3] != '.'))
		return NULL;
	return bh_arena_strndup(arena, base + 3, (size_t)(so - base - 3));
}

// Does the compiler line `bd` link shared library `lib` (its path, or -lNAME)?
static bool links(bh_arena *arena, const bh_img_build_cmd *bd, const bh_img_artifact *lib)
{
	const char *name = library_name(arena, lib->path);
	for (size_t i = 0; i < bd->ninputs; i++)
		if (strcmp(bd->inputs[i], lib->path) == 0)
			return true;
	for (size_t i = 0; name && i < bd->nflags; i++) {
		const char *f = bd->flags[i];
		if ((strncmp(f, "-l", 2) == 0 && strcmp(f + 2, name) == 0) ||
		    (strcmp(f, "-l") == 0 && i + 1 < bd->nflags && strcmp(bd->flags[i + 1], name) == 0))
			return true;
	}
	return false;
}

// A shipped shared library that the program the image runs links counts
// as the entrypoint: its code runs in that process.
static void mark_linked_by_entrypoint(bh_arena *arena, const bh_img *img, bh_img_artifact *lib)
{
	if (lib->shipped != BH_IMG_SHIP_YES || lib->entrypoint || !library_name(arena, lib->path))
		return;
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *exe = &img->artifacts[i];
		if (!exe->entrypoint || exe->made || !links(arena, &img->builds[exe->build], lib))
			continue;
		lib->entrypoint = true;
		lib->why = bh_arena_sprintf(arena, "%s; the entrypoint %s links it", lib->why,
					    exe->image_path);
		return;
	}
}

static bh_img_artifact *new_artifact(bh_img *img, size_t build, const char *path)
{
	bh_img_artifact *a = &img->artifacts[img->nartifacts++];
	memset(a, 0, sizeof(*a));
	a->path = path;
	a->stage = img->runs[img->builds[build].run].stage;
	a->build = build;
	return a;
}

void bh_img__find_artifacts(bh_img *img, bh_arena *arena)
{
	size_t n = 0;
	for (size_t i = 0; i < img->nbuilds; i++)
		n += (img->builds[i].kind == BH_IMG_BUILD_CC && img->builds[i].output) +
		     img->builds[i].nmade;
	img->artifacts = bh_arena_alloc(arena, (n + 1) * sizeof(*img->artifacts));
	img->nartifacts = 0;
	for (size_t i = 0; i < img->nbuilds; i++) {
		const bh_img_build_cmd *bd = &img->builds[i];
		if (bd->kind == BH_IMG_BUILD_CC && bd->output) {
			bh_img_artifact *a = new_artifact(img, i, bd->output);
			a->sources = bd->sources;
			a->nsources = bd->nsources;
		}
		for (size_t k = 0; k < bd->nmade; k++) {
			bh_img_artifact *a = new_artifact(img, i, bd->made[k].path);
			a->made = &bd->made[k];
			a->sources = bd->made[k].sources;
			a->nsources = bd->made[k].nsources;
		}
	}
	for (size_t i = 0; img->target >= 0 && i < img->nartifacts; i++)
		ship(arena, img, &img->artifacts[i]);
	for (size_t i = 0; i < img->nartifacts; i++)
		mark_linked_by_entrypoint(arena, img, &img->artifacts[i]);
}
