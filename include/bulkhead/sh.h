/* SPDX-License-Identifier: MIT */
/*
 * Shell commands of a RUN instruction. The shell text (shell-form RUN, a
 * heredoc script, `sh -c` of an exec-form RUN) is parsed with
 * tree-sitter-bash and flattened into the simple commands it runs, each
 * with its words, the pipeline it belongs to and the command or process
 * substitution it sits in. Nothing is ever executed or expanded.
 *
 * The TSParser and TSTree live only inside bh_sh_parse; the result is
 * plain arena memory.
 */
#ifndef BULKHEAD_SH_H
#define BULKHEAD_SH_H

#include "common.h"

typedef struct bh_arena bh_arena;

/** Where a command sits. */
typedef enum {
	BH_SH_TOP = 0,      /* run directly (possibly in a list, subshell, if, loop) */
	BH_SH_CMDSUBST,     /* inside $(...) or `...` of its parent's words */
	BH_SH_PROCSUBST,    /* inside <(...) or >(...) of its parent's words */
} bh_sh_context;

/** A `NAME=value` prefix of a command. Value unquoted, expansions kept. */
typedef struct {
	const char *name;
	const char *value;
} bh_sh_assign;

/** One simple command. */
typedef struct {
	const char **argv;      /* words, quotes removed, `$X` kept as written; arena */
	size_t argc;            /* >= 1 unless the command is only assignments */
	bh_sh_assign *assigns;  /* prefix assignments; arena */
	size_t nassigns;
	const char **redirects; /* redirections as written ("> /tmp/x", "2>&1", "<<EOF"); arena */
	size_t nredirects;
	uint32_t offset, len;   /* byte range in the parsed text */
	int pipeline;           /* id shared by the commands of one pipeline; -1 if none */
	int pipe_pos;           /* 0-based position in the pipeline */
	int parent;             /* index of the command whose words contain this one, or -1 */
	bh_sh_context context;
} bh_sh_cmd;

typedef struct {
	bh_sh_cmd *cmds;        /* in source order; arena */
	size_t ncmds;
	bool has_error;         /* tree-sitter-bash reported a syntax error */
	uint32_t error_offset;  /* first error's byte offset */
	bool truncated;         /* a limit (size, depth, count, time) stopped the walk */
} bh_sh_script;

/**
 * Parse `len` bytes of shell text.
 * Never fails on bad input: syntax errors set `has_error` and the commands
 * tree-sitter recovered are still listed.
 * Ownership: `*out` lives in `arena`.
 * @return BH_OK.
 */
bh_status bh_sh_parse(bh_sh_script **out, bh_arena *arena, const char *text, size_t len);

/** The program name of argv[0] without its directory ("/usr/bin/curl" -> "curl"). */
const char *bh_sh_basename(const char *argv0);

#endif
