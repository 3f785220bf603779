/* SPDX-License-Identifier: MIT */
/*
 * Shared between the files of the Dockerfile front end only (df_lex.c,
 * df_parse.c, df_instr.c, df_subst.c); other modules use bulkhead/df.h.
 *
 * The lexer turns the source into logical lines (one per instruction:
 * continuations joined, comment lines inside them dropped, heredoc bodies
 * collected); the parser turns each logical line into a bh_df_instr.
 */
#ifndef BH_DF_INTERNAL_H
#define BH_DF_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/df.h"
#include "bulkhead/vec.h"

typedef BH_VEC(bh_df_piece) bh_df__pieces;
typedef BH_VEC(bh_df_error) bh_df__errors;
typedef BH_VEC(bh_df_heredoc) bh_df__heredocs;

/** Lexer state over one source. */
typedef struct {
	bh_arena *arena;
	const bh_source *src;
	const char *data;
	size_t len;
	size_t pos;          /* start of the next physical line */
	char escape;
	bh_df__errors *errors;
	size_t max_errors;
	size_t nerrors_dropped;
} bh_df__lexer;

/** One logical line: an instruction before it is parsed. */
typedef struct {
	size_t start;          /* file offset of the keyword */
	size_t end;            /* file offset after the last consumed byte */
	char *text;            /* joined text, from the keyword on; heap (bh_xmalloc) */
	size_t text_len;
	bh_df__pieces pieces;  /* heap vector */
} bh_df__line;

/** Read parser directives at the top of the file; sets escape/syntax/check. */
void bh_df__lex_directives(bh_df__lexer *lx, bh_df_file *df);

/**
 * Next logical line, or false at the end of the input. The caller disposes
 * `line->text` and `line->pieces`.
 */
bool bh_df__lex_line(bh_df__lexer *lx, bh_df__line *line);

/**
 * Collect the bodies of the heredocs announced in `markers` (already
 * recognised in the instruction text) from the lines after the instruction;
 * advances the lexer past them.
 */
void bh_df__lex_heredocs(bh_df__lexer *lx, bh_df_heredoc *docs, size_t ndocs,
			 size_t instr_start, size_t *end_out);

/** Record a syntax error at a file offset. */
void bh_df__error_at(bh_df__lexer *lx, size_t offset, const char *fmt, ...) BH_PRINTF(3, 4);

/** Keyword lookup (case-insensitive); BH_DF_ERROR when unknown. */
bh_df_kind bh_df__keyword(const char *word, size_t len);

/** True if `flag` is allowed on `kind`. */
bool bh_df__flag_allowed(bh_df_kind kind, const char *flag);

/**
 * Parse `text` as a JSON array of strings. On success `*out`/`*n` get the
 * decoded strings (arena) and the result is true; on failure false and
 * `*why` says what was wrong.
 */
bool bh_df__parse_json_array(const char ***out, size_t *n, bh_arena *arena,
			     const char *text, const char **why);

/**
 * Find heredoc markers (`<<WORD`, `<<-WORD`, `<<"WORD"`) in a RUN/COPY/ADD
 * argument text, outside quotes. Ownership: arena array.
 */
size_t bh_df__find_heredocs(bh_df_heredoc **out, bh_arena *arena, const char *text, char escape);

#endif
