// SPDX-License-Identifier: MIT
// The Dockerfile stage of the pipeline: find the Dockerfiles, parse them,
// build each image model and run the docker.* rules over it. Called once
// from bh_scan_run (analyzer/driver/pipeline.c) before the C stage.
//
// The models are kept in the run arena (scan->images): discovery reads
// their compiler lines to infer C flags, and image correlation ([F]) joins
// C and secret findings with them afterwards.
#include <string.h>

#include "bulkhead/df.h"
#include "bulkhead/disc.h"
#include "bulkhead/scan.h"
#include "bulkhead/secret.h"
#include "img_internal.h"

typedef BH_VEC(const char *) str_vec;
typedef BH_VEC(bh_img *) img_vec;

static void analyze_one(bh_scan *scan, const char *relpath, const char *target,
			const bh_compdb *compdb, const bh_secret *sec, img_vec *images)
{
	const bh_source *src = NULL;
	if (bh_ctx_load(&src, scan->ctx, relpath, &scan->diags) != BH_OK || !src)
		return; // diagnosed by bh_ctx_load
	bh_df_file *df = NULL;
	bh_df_parse(&df, scan->arena, src, NULL, &scan->diags);
	bh_img *img = NULL;
	bh_img_options opts = BH_IMG_OPTIONS_INIT;
	opts.target = target;
	opts.compdb = compdb;
	bh_img_build(&img, scan->arena, scan->ctx, relpath, df, &opts, &scan->diags);
	bh_vec_push(images, img);
	bh_docker_check(img, scan->ctx, sec, &scan->findings);
}

void bh_img_analyze(bh_scan *scan, const bh_scan_options *opts, const bh_compdb *compdb)
{
	if (!scan->ctx)
		return;
	img_vec images = { 0 };
	str_vec paths = { 0 };
	if (opts->ndockerfiles) {
		for (size_t i = 0; i < opts->ndockerfiles; i++) {
			const char *rel = bh_ctx_relpath(scan->ctx, scan->arena, opts->dockerfiles[i]);
			const bh_file *f = rel ? bh_ctx_find(scan->ctx, rel) : NULL;
			if (!f) {
				bh_diag_add(&scan->diags, BH_LEVEL_ERROR, "df.not-found", NULL, 0, 0,
					    "Dockerfile '%s' %s", opts->dockerfiles[i],
					    rel ? "does not exist" : "is not inside the build context");
				continue;
			}
			bh_vec_push(&paths, rel);
		}
	} else {
		for (size_t i = 0; i < bh_ctx_file_count(scan->ctx); i++) {
			const bh_file *f = bh_ctx_file(scan->ctx, i);
			if (f->kind == BH_FILE_DOCKERFILE && !f->excluded && !f->too_large)
				bh_vec_push(&paths, f->path);
		}
	}
	// One compiled secret rule set serves every Dockerfile; without it the
	// secret rules still run on names alone.
	bh_secret *sec = NULL;
	if (paths.len && bh_secret_new(&sec, NULL, &scan->diags) != BH_OK)
		sec = NULL;
	for (size_t i = 0; i < paths.len; i++)
		analyze_one(scan, paths.items[i], opts->target, compdb, sec, &images);
	bh_secret_free(sec);
	scan->nimages = images.len;
	scan->images = bh_arena_alloc(scan->arena, (images.len + 1) * sizeof(*scan->images));
	if (images.len)
		memcpy(scan->images, images.items, images.len * sizeof(*scan->images));
	bh_vec_dispose(&images);
	bh_vec_dispose(&paths);
}

bh_status bh_img_load(bh_img **out, bh_arena *arena, bh_ctx *ctx, const char *dockerfile,
		      const char *target, bh_findings *findings, bh_diags *diags)
{
	*out = NULL;
	const char *rel = NULL;
	if (dockerfile) {
		rel = bh_ctx_relpath(ctx, arena, dockerfile);
		if (!rel || !bh_ctx_find(ctx, rel))
			rel = bh_ctx_find(ctx, dockerfile) ? dockerfile : NULL;
	} else if (bh_ctx_find(ctx, "Dockerfile")) {
		rel = "Dockerfile";
	} else {
		for (size_t i = 0; i < bh_ctx_file_count(ctx) && !rel; i++)
			if (bh_ctx_file(ctx, i)->kind == BH_FILE_DOCKERFILE)
				rel = bh_ctx_file(ctx, i)->path;
	}
	if (!rel) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "df.not-found", NULL, 0, 0, "%s",
			    dockerfile ? bh_arena_sprintf(arena, "Dockerfile '%s' is not in the build "
							  "context", dockerfile)
				       : "no Dockerfile in the build context (use -f)");
		return BH_ENOTFOUND;
	}
	const bh_source *src = NULL;
	if (bh_ctx_load(&src, ctx, rel, diags) != BH_OK || !src)
		return BH_ENOTFOUND;
	bh_df_file *df = NULL;
	bh_df_parse(&df, arena, src, NULL, diags);
	// The database, when there is one, as `scan` finds it: it names the
	// sources of objects that link lines take.
	bh_compdb *compdb = NULL;
	bh_compdb_discover(&compdb, arena, ctx, NULL, diags);
	bh_img_options opts = BH_IMG_OPTIONS_INIT;
	opts.target = target;
	opts.compdb = compdb;
	bh_img_build(out, arena, ctx, rel, df, &opts, diags);
	if (findings)
		bh_docker_check(*out, ctx, NULL, findings);
	return BH_OK;
}
