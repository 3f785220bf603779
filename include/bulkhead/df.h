/* SPDX-License-Identifier: MIT */
/*
 * The Dockerfile front end: a hand-written, BuildKit-compatible parser that
 * turns the text of a Dockerfile into a flat list of instructions, and the
 * variable substitution Docker applies to their words.
 *
 * What is understood: parser directives (`# syntax=`, `# escape=`,
 * `# check=`), the escape character (backslash or backtick) for line
 * continuation, comment and blank lines inside continuations, heredocs
 * (`<<EOF`, `<<-EOF`, quoted delimiters, several on one line), exec (JSON)
 * form and shell form, `--flag[=value]` instruction flags, ONBUILD, and
 * every instruction of the Dockerfile reference.
 *
 * The parser never fails on bad input: each syntax error is recorded in
 * bh_df_file.errors (the rules turn them into `docker.parse-error`
 * findings) and parsing resumes at the next instruction. Instructions keep
 * their exact source range.
 */
#ifndef BULKHEAD_DF_H
#define BULKHEAD_DF_H

#include "common.h"
#include "source.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;

/* ---------------------------------------------------------- instructions */

typedef enum {
	BH_DF_ERROR = 0, /* unknown keyword or unusable line; see errors */
	BH_DF_FROM,
	BH_DF_RUN,
	BH_DF_CMD,
	BH_DF_LABEL,
	BH_DF_MAINTAINER,
	BH_DF_EXPOSE,
	BH_DF_ENV,
	BH_DF_ADD,
	BH_DF_COPY,
	BH_DF_ENTRYPOINT,
	BH_DF_VOLUME,
	BH_DF_USER,
	BH_DF_WORKDIR,
	BH_DF_ARG,
	BH_DF_ONBUILD,
	BH_DF_STOPSIGNAL,
	BH_DF_HEALTHCHECK,
	BH_DF_SHELL,
} bh_df_kind;

/** Upper-case keyword of `kind` ("RUN"); "?" for BH_DF_ERROR. */
const char *bh_df_kind_name(bh_df_kind kind);

/** An instruction flag: `--name=value` or a bare `--name`. */
typedef struct {
	const char *name;  /* without the dashes, lower case; arena */
	const char *value; /* raw text after '=' (not expanded), or NULL for a bare flag */
	uint32_t line, col;
} bh_df_flag;

/** A heredoc attached to RUN, COPY or ADD. */
typedef struct {
	const char *word;   /* delimiter, quotes removed */
	const char *body;   /* lines between marker and delimiter, each ending in '\n';
			       leading tabs removed for `<<-` */
	bool strip_tabs;    /* `<<-` */
	bool quoted;        /* delimiter was quoted: no expansion in the body */
	bool terminated;    /* false: the file ended before the delimiter */
	uint32_t line;      /* line of the first body line */
} bh_df_heredoc;

/** A `key=value` of ENV, LABEL or ARG. Both raw: quotes and `$` kept. */
typedef struct {
	const char *key;
	const char *value;  /* NULL for `ARG name` without a default */
} bh_df_kv;

/**
 * Maps offsets in the joined argument text back to the file: the text is
 * made of pieces of physical lines (continuations removed), and piece `i`
 * starts at text offset `text_off` and file offset `src_off`.
 */
typedef struct {
	uint32_t text_off;
	uint32_t src_off;
} bh_df_piece;

typedef struct bh_df_instr bh_df_instr;

struct bh_df_instr {
	bh_df_kind kind;
	const char *keyword;      /* as written ("run"); arena */
	bh_loc loc;               /* keyword start .. end of the last line (heredocs included) */
	uint32_t offset, len;     /* byte range in the source, heredoc bodies included */
	const char *text;         /* everything after the keyword, continuations joined,
				     comment lines removed, trimmed; arena */
	const char *args_text;    /* `text` after the flags (a suffix of it) */
	bh_df_flag *flags;        /* arena array */
	size_t nflags;
	bool exec_form;           /* arguments were a JSON array */
	const char **args;        /* exec form: the decoded strings. Shell-form RUN, CMD,
				     ENTRYPOINT, WORKDIR, USER, MAINTAINER, STOPSIGNAL: one
				     element, the whole argument text. Others: words split
				     Docker's way, quotes kept. HEALTHCHECK CMD: the command */
	size_t nargs;
	bh_df_kv *kvs;            /* ENV, LABEL, ARG */
	size_t nkvs;
	bh_df_heredoc *heredocs;
	size_t nheredocs;
	bool healthcheck_none;    /* HEALTHCHECK NONE */
	bh_df_instr *inner;       /* ONBUILD: the triggered instruction (never FROM/ONBUILD) */
	bool bad;                 /* a parse error was recorded for this instruction */
	bh_df_piece *pieces;      /* offset map for `text` (see bh_df_instr_position) */
	size_t npieces;
};

/** A syntax error: becomes a `docker.parse-error` finding. */
typedef struct {
	bh_loc loc;
	const char *message; /* lower case, one line; arena */
} bh_df_error;

/** A parsed Dockerfile. */
typedef struct {
	const bh_source *src;   /* borrowed: must outlive the tree */
	char escape;            /* '\\' or '`' */
	const char *syntax;     /* `# syntax=` value, or NULL */
	const char *check;      /* `# check=` value, or NULL */
	bh_df_instr *instrs;    /* arena array, in file order */
	size_t ninstrs;
	bh_df_error *errors;    /* arena array, in file order */
	size_t nerrors;
} bh_df_file;

/** Limits that bound work on hostile input. */
typedef struct {
	size_t max_instructions;  /* 0: 100,000; past it the rest is skipped (diagnostic) */
	size_t max_errors;        /* 0: 100; past it errors are counted, not kept */
} bh_df_options;

#define BH_DF_OPTIONS_INIT { 0, 0 }

/**
 * Parse the Dockerfile in `src` into instructions.
 *
 * Never fails on malformed input: syntax errors go to `(*out)->errors` and
 * the parser resumes at the next instruction. Internal limits reached
 * (instruction count) become diagnostics in `diags` (may be NULL).
 * Ownership: `*out` and everything it points to live in `arena`; strings are
 * copies, so only `src` itself must outlive the tree.
 * @return BH_OK (always; the status is for symmetry with the other stages).
 */
bh_status bh_df_parse(bh_df_file **out, bh_arena *arena, const bh_source *src,
		      const bh_df_options *opts, bh_diags *diags);

/**
 * File position of byte `text_off` of `instr->text` (or of `args_text`
 * measured from `text`): 1-based line and byte column.
 */
void bh_df_instr_position(const bh_df_file *df, const bh_df_instr *instr, size_t text_off,
			  uint32_t *line, uint32_t *col);

/** The first flag named `name` of `instr`, or NULL. */
const bh_df_flag *bh_df_flag_get(const bh_df_instr *instr, const char *name);

/** Text dump of the tree (one instruction per line, flags, args), for tests. */
void bh_df_dump(const bh_df_file *df, void *file /* FILE * */);

/* ----------------------------------------------------------- substitution */

/** One variable visible to an instruction. */
typedef struct {
	const char *name;
	const char *value; /* NULL: declared but unknown (e.g. a build argument without default) */
} bh_df_var;

typedef BH_VEC(bh_df_var) bh_df_vars;

/** Value of `name` in `vars` (last definition wins); `*found` tells if it is declared. */
const char *bh_df_vars_get(const bh_df_vars *vars, const char *name, bool *found);

/** Set `name` (replacing an earlier definition). Strings are borrowed: keep them alive. */
void bh_df_vars_set(bh_df_vars *vars, const char *name, const char *value);

/**
 * Expand one word the way Docker does: `$VAR`, `${VAR}`, `${VAR:-word}`,
 * `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, escaped `\$` (with the
 * file's escape character), single quotes (literal) and double quotes
 * (expanding); quotes are removed.
 *
 * A variable that is not declared in `vars`, or declared without a known
 * value, is never silently empty: its reference stays in the result as
 * written (`${NAME}`) and `*unknown` is set to true (may be NULL).
 * Ownership: result in `arena`. Never NULL.
 */
const char *bh_df_expand(bh_arena *arena, const char *word, char escape,
			 const bh_df_vars *vars, bool *unknown);

/**
 * Split `text` into words the way Docker splits instruction arguments:
 * on unquoted whitespace, quotes and escapes kept in the words.
 * Ownership: `*words_out` is an arena array of arena strings.
 * @return the number of words.
 */
size_t bh_df_split_words(const char ***words_out, bh_arena *arena, const char *text, char escape);

#endif
