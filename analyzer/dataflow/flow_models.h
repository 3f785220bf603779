// SPDX-License-Identifier: MIT
// Shared by the model parsers of the dataflow analyses (taint.models,
// memory.models): the line format (blank-separated words, `#` comments)
// and a by-name table of models (a sorted array searched by bisection).
#ifndef BH_FLOW_MODELS_H
#define BH_FLOW_MODELS_H

#include <stddef.h>

#include "bulkhead/arena.h"
#include "bulkhead/common.h"

/** One blank-separated word of `*p` (advanced past it), copied into `arena`, or NULL. */
const char *bh_flow__next_word(bh_arena *arena, const char **p);

/** `s` without leading and trailing blanks, copied into `arena`, or NULL if empty. */
const char *bh_flow__trimmed(bh_arena *arena, const char *s);

typedef struct bh_diags bh_diags;

/** One kind of model table: its items and how one line becomes one. */
typedef struct {
	size_t size;           /* bytes of one model */
	size_t origin_offset;  /* where its bh_loc origin is */
	const char *code;      /* diagnostic code of a bad line: "taint.bad-model" */
	const char *what;      /* "taint model" */
	/* Fill the zeroed `model` from `line` (comment removed); NULL, or why not. */
	const char *(*parse)(void *model, bh_arena *arena, const char *line);
} bh_flow__model_format;

/**
 * Parse the model lines of `text` (numbered from `first_line`) and append
 * the models to the vector (`*items`, `*len`, `*cap`, a BH_VEC's members).
 * A bad line is an error diagnostic at `origin_path`:line and is skipped.
 * @return the number of bad lines.
 */
size_t bh_flow__parse_models(const bh_flow__model_format *fmt, void **items, size_t *len, size_t *cap,
			     bh_arena *arena, const char *text, const char *origin_path,
			     unsigned first_line, bh_diags *diags);

/** Parse a decimal argument index (0..255) at `s`; `and_after` (may be NULL) takes a trailing "..". */
bool bh_flow__parse_index(const char *s, unsigned *index, bool *and_after);

/**
 * Sort `n` models of `size` bytes, each with its function name (a `const
 * char *`) at `name_offset`, by name; models of one name keep their order.
 */
void bh_flow__sort_models(void *items, size_t n, size_t size, size_t name_offset);

/** The first of the sorted models named `name` and, in `*count`, how many; NULL if none. */
const void *bh_flow__find_models(const void *items, size_t n, size_t size, size_t name_offset,
				 const char *name, size_t *count);

#endif
