/* SPDX-License-Identifier: MIT */
/*
 * Stage dumps for people and golden tests: `bulkhead dump ir|cfg FILE...`
 * parses C files with libclang, lowers their functions to IR and prints
 * them (bh_ir_print, bh_ir_print_cfg, bh_ir_print_dot).
 */
#ifndef BULKHEAD_DUMP_H
#define BULKHEAD_DUMP_H

#include <stdio.h>

#include "common.h"

typedef struct bh_diags bh_diags;

typedef enum {
	BH_DUMP_IR,       /* instructions, block by block */
	BH_DUMP_CFG,      /* one line per block: successors */
	BH_DUMP_CFG_DOT,  /* Graphviz digraph per function */
} bh_dump_kind;

typedef struct {
	bh_dump_kind kind;
	const char *const *files;     /* C files to dump, in order */
	size_t nfiles;
	const char *context;          /* root that printed paths are relative to; NULL: the
					 current directory, or a file's own directory when it is
					 outside */
	const char *compile_commands; /* compilation database for flags, or NULL (no flags) */
} bh_dump_options;

#define BH_DUMP_OPTIONS_INIT { BH_DUMP_IR, NULL, 0, NULL, NULL }

/**
 * Dump every function defined in each file to `out`. Problems (a missing
 * file, C that does not compile, a bad database) become diagnostics in
 * `diags` (strings in its arena); the other files are still dumped.
 * @return BH_OK, or BH_EINVAL for bad options.
 */
bh_status bh_dump_run(FILE *out, const bh_dump_options *opts, bh_diags *diags);

#endif
