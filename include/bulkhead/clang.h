/* SPDX-License-Identifier: MIT */
/*
 * The libclang front end: parses C translation units in a pool of worker
 * threads (one CXIndex per worker) and runs the C rules on each AST.
 * Every libclang handle is owned here and never leaves this module.
 */
#ifndef BULKHEAD_CLANG_H
#define BULKHEAD_CLANG_H

#include "common.h"
#include "disc.h"

typedef struct bh_findings bh_findings;
typedef struct bh_diags bh_diags;
typedef struct bh_arena bh_arena;
typedef struct bh_ir_unit bh_ir_unit;

/** Context-relative paths; the vector is heap memory (bh_vec_dispose). */
typedef BH_VEC(const char *) bh_clang_files;

/** A file libclang reads from memory instead of disk (an unsaved editor buffer). */
typedef struct {
	const char *abs_path;
	const char *text;
	size_t len;
} bh_clang_unsaved;

/**
 * Translation units kept parsed between scans, with a precompiled preamble
 * (the LSP server's saves): a unit scanned again with the same flags is
 * reparsed, not parsed. At most `max` units (least recently used first
 * out). Used by one scan at a time.
 */
typedef struct bh_clang_tu_cache bh_clang_tu_cache;

/**
 * For a long-lived process that parses again and again (the LSP server):
 * let libclang register its signal handlers, with an alternate signal
 * stack, on the calling thread, which must last as long as the process: a
 * thread that ends with that stack cannot give it back cleanly. (libclang
 * always parses on the calling threads: callers give their threads 16 MiB
 * stacks.) Call it before any other thread starts. Once per process.
 */
void bh_clang_prepare(void);
bh_clang_tu_cache *bh_clang_tu_cache_new(size_t max);
void bh_clang_tu_cache_free(bh_clang_tu_cache *cache);

/**
 * What the front end made of one unit: findings, diagnostics, IR, and the
 * files it read. Everything lives in `arena` (the unit's).
 */
typedef struct {
	bh_arena *arena;
	bh_findings *findings;
	bh_diags *diags;
	struct bh_ir_unit *ir;
	bh_clang_files *visited;  /* the context files the unit read, its own among them */
	bh_clang_files *outside;  /* the files outside the context it read, as libclang names them */
} bh_clang_unit_result;

/**
 * A store of units' results (the driver's per-unit cache): `lookup` is
 * asked before a unit is parsed and fills `r` (whose lists are empty) from
 * a stored result, or returns false; `store` is told what a parsed unit
 * gave. Both are called from the worker threads, several at once.
 */
typedef struct {
	bool (*lookup)(void *payload, const bh_unit *unit, bh_clang_unit_result *r);
	void (*store)(void *payload, const bh_unit *unit, const bh_clang_unit_result *r);
	void *payload;
} bh_clang_unit_cache;

typedef struct {
	int jobs;                 /* worker threads; <= 0 means the number of cores */
	const volatile int *cancel; /* if non-NULL and non-zero, stop early (BH_ECANCELED) */
	bool lower_ir;            /* lower every function to IR (bh_ir) as units are analysed */
	bh_clang_files *visited;  /* if non-NULL, gets every context file that a unit libclang
				     parsed includes (its own file too), once, strings in the
				     findings' arena: what the tree-sitter fast path skips */
	struct bh_ir_program *program; /* if non-NULL: lower, and move each unit's IR (and its
					  arena) here, in unit order, for whole-program analyses */
	const bh_clang_unsaved *unsaved; /* files to read from memory; NULL/0: none */
	size_t nunsaved;
	bh_clang_tu_cache *tu_cache; /* if non-NULL: parse through it, on one thread */
	bh_clang_files *includes; /* if non-NULL, gets "HEADER\x1fUNIT" once for every context
				     file a unit includes (not its own), strings in the findings'
				     arena: which sources a header's code is compiled with */
	/* if non-NULL: called after each unit, from the worker that parsed it
	   (one call at a time): `done` of `total` units, `path` the one just done */
	void (*progress)(void *payload, size_t done, size_t total, const char *path);
	void *progress_payload;
	bh_clang_files *outside;  /* if non-NULL, gets every file outside the context that a
				     unit included (system headers), once, as libclang names
				     them, strings in the findings' arena: what a cached
				     result also depends on */
	const bh_clang_unit_cache *unit_cache; /* with `program`: units whose stored result
						  still holds are not parsed; NULL: none */
} bh_clang_options;

#define BH_CLANG_OPTIONS_INIT { 0, NULL, false, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Parse every unit and run the C rules. `ctx_root` is the absolute,
 * canonical context root. Findings are reported only at
 * locations inside the context (never in system headers or files outside
 * it), with context-relative paths; a finding in a header included by
 * several units is reported once. Clang errors (C that does not compile, a
 * missing header) become error diagnostics `clang.error` with file and line
 * (at most a few per unit) and the unit's AST is still analysed (KeepGoing).
 * Units without database flags get a note on each finding (bh_unit_flags_note).
 * The output is identical whatever `jobs` is.
 * Ownership: findings are copied into `out`'s arena, diagnostics into
 * `diags`' arena.
 */
bh_status bh_clang_scan(const bh_units *units, const char *ctx_root,
			const bh_clang_options *opts, bh_findings *out, bh_diags *diags);

/**
 * Parse one unit and lower every function it defines inside the context
 * into `out` (in source order): what `bulkhead dump ir|cfg` and the IR
 * tests use. Clang errors become diagnostics as in bh_clang_scan; the C
 * rules run but their findings are dropped.
 * Ownership: the IR and its strings live in `arena`.
 * @return BH_OK, or BH_EINVAL for a NULL argument.
 */
bh_status bh_clang_lower(bh_ir_unit *out, bh_arena *arena, const bh_unit *unit,
			 const char *ctx_root, bh_diags *diags);

/** libclang's version string ("clang version 19.1.7 ..."), static storage. */
const char *bh_clang_version(void);

/**
 * The path of the libclang library the front end loads on first use (it
 * is not loaded at start-up: see analyzer/parse/c/clang_shim.py), static
 * storage. Asking does not load it.
 */
const char *bh_clang_library_path(void);

#endif
