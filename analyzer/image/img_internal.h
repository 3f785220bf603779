/* SPDX-License-Identifier: MIT */
/*
 * Shared by the image model's files only (img.c, img_build.c, img_cmds.c,
 * img_print.c, img_scan.c). Holds the builder state: heap vectors that are
 * frozen into arena arrays when a stage ends.
 */
#ifndef BH_IMG_INTERNAL_H
#define BH_IMG_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/img.h"
#include "bulkhead/text.h"
#include "bulkhead/vec.h"

typedef BH_VEC(bh_img_file *) bh_img__file_vec;
typedef BH_VEC(size_t) bh_img__size_vec;

/** The stage being built. */
typedef struct {
	bh_img_stage st;             /* frozen into img->stages at the end */
	bh_img__file_vec files;
	bh_img__size_vec builds;
	BH_VEC(int) deps;
	BH_VEC(const char *) ports;
	BH_VEC(const bh_df_instr *) expose;
	bh_df_vars vars;             /* ARG and ENV visible to expansion */
	bh_df_vars env;              /* ENV only */
	const char **shell;          /* SHELL, default /bin/sh -c */
	size_t nshell;
	bool cmd_here;               /* CMD set in this stage (not inherited) */
	bool workdir_absolute;       /* an absolute WORKDIR is in force */
} bh_img__stage_work;

/** A build directory a `cmake`/`meson setup` configured (img_configure.c). */
typedef struct {
	int stage;
	const char *dir;             /* the build directory, image path */
	size_t build;                /* the configure command: index into the builds */
	const char *prefix;          /* the install prefix it configured */
} bh_img__configured;

typedef struct {
	bh_arena *arena;
	bh_ctx *ctx;                 /* may be NULL */
	const char *dockerfile;
	const bh_df_file *df;
	bh_diags *diags;
	const bh_compdb *compdb;     /* may be NULL */
	bh_img *img;
	BH_VEC(bh_img_stage) stages; /* finished stages */
	BH_VEC(bh_img_copy) copies;
	BH_VEC(bh_img_run) runs;
	BH_VEC(bh_img_build_cmd) builds;
	bh_df_vars globals;
	const char **stage_names;    /* pre-pass: AS names (lower case) or NULL, per stage */
	size_t nstage_names;
	size_t *name_order;          /* indexes of named stages sorted by (name, index) */
	size_t nname_order;
	bh_img__stage_work cur;
	bool in_stage;
	size_t nfiles_total, max_files;
	bool truncated;
	const char **ctx_files;      /* the context's paths, for Makefiles' $(wildcard); lazily */
	size_t nctx_files;
	BH_VEC(bh_img__configured) configured; /* cmake/meson build directories, all stages */
} bh_img__builder;

/** Normalise an absolute path: collapse '//', '.', '..'; keep a trailing '/' if `keep_slash`. */
const char *bh_img__clean_abs(bh_arena *arena, const char *path, bool keep_slash);

/** `path` resolved against `cwd` (absolute), cleaned. */
const char *bh_img__resolve(bh_arena *arena, const char *cwd, const char *path);

/** A new provenance entry in the current stage (NULL when the limit is reached). */
bh_img_file *bh_img__add_file(bh_img__builder *b, const char *path, bh_img_origin origin,
			      const char *source, const bh_df_instr *instr);

/** Entries of the current stage at `path` or below it (a directory), newest last. */
size_t bh_img__find_files(bh_img__builder *b, const bh_img_file ***out, const char *path,
			  bool below);

/** The linked artifacts of a finished model and whether each ships (img_artifacts.c). */
void bh_img__find_artifacts(bh_img *img, bh_arena *arena);

/** A C source by its name (.c, .i): what a compiler line compiles as C. */
bool bh_img__is_c_source(const char *path);

/** True for a non-empty run of decimal digits (`gcc-12`, `make -j 4`). */
bool bh_img__all_digits(const char *s);

/** The context's file list in b->ctx_files, made once (img_configure.c). */
void bh_img__context_files(bh_img__builder *b);

/** The context file the newest entry at image path `path` holds, or NULL. */
const char *bh_img__context_file_at(bh_img__builder *b, const char *path);

/** cmake and meson commands: configure reads the project, install adds install paths. */
void bh_img__apply_cmake(bh_img__builder *b, bh_img_build_cmd *bd, size_t index);
void bh_img__apply_meson(bh_img__builder *b, bh_img_build_cmd *bd, size_t index);

/** An install of build directory `build_dir` (`ninja install`, `make install` in it). */
void bh_img__install_configured(bh_img__builder *b, const char *build_dir, size_t index,
				const char *prefix);

/** Read the Makefile of a `make` command and add what it links to the stage (img_make.c). */
void bh_img__apply_make(bh_img__builder *b, bh_img_build_cmd *bd, size_t index);

/** Recognise build commands in a parsed RUN (appends to b->builds). */
void bh_img__recognise_builds(bh_img__builder *b, size_t run_index);

#endif
