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
}
