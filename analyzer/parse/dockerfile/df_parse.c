// SPDX-License-Identifier: MIT
// Dockerfile parser: from logical lines (df_lex.c) to bh_df_instr, one per
// instruction, with the argument shape each instruction has in the
// Dockerfile reference. Sits between the source (bh_source) and the image
// model (bh_img).
//
// Error recovery is per instruction: a bad instruction is kept with
// `bad = true` and an entry in df->errors, and parsing resumes with the
// next logical line, so one typo never hides the rest of the file.
//
//   dockerfile  = directive* ( blank | comment | instruction )*
//   instruction = keyword flag* arguments heredoc-body*
//   flag        = "--" name ( "=" value )?
//   arguments   = json-array | shell-text | words | key-values
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/diag.h"
#include "df_internal.h"

#define DEFAULT_MAX_INSTRUCTIONS 100000
#define DEFAULT_MAX_ERRORS 100

typedef struct {
	bh_df__lexer *lx;
	bh_arena *arena;
	const bh_df__line *line;
	size_t base;      // offset in line->text where instr->text starts
	const char *full; // arena copy of line->text: every text pointer is inside it
} parser;

// Offset in the file of byte `off` of the logical line.
static size_t line_to_src(const bh_df__line *ln, size_t off)
{
	size_t i = 0;
	while (i + 1 < ln->pieces.len && ln->pieces.items[i + 1].text_off <= off)
		i++;
	if (!ln->pieces.len)
		return ln->start;
	return ln->pieces.items[i].src_off + (off - ln->pieces.items[i].text_off);
}

static void error_in(parser *ps, bh_df_instr *in, const char *at, const char *fmt, const char *a,
		     const char *b)
{
	size_t off = at ? (size_t)(at - ps->full) : 0;
	bh_df__error_at(ps->lx, line_to_src(ps->line, off), fmt, a, b);
	in->bad = true;
}

static const char *skip_spaces(const char *p)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	return p;
}

// flag = "--" name ( "=" value )?     (value may hold quoted parts)
static const char *parse_flags(parser *ps, bh_df_instr *in, const char *p)
{
	BH_VEC(bh_df_flag) flags = { 0 };
	for (;;) {
		p = skip_spaces(p);
		if (p[0] != '-' || p[1] != '-' || !isalpha((unsigned char)p[2]))
			break;
		const char *start = p;
		char quote = 0;
		while (*p && (quote || !isspace((unsigned char)*p))) {
			if (quote && *p == quote)
				quote = 0;
			else if (!quote && (*p == '"' || *p == '\''))
				quote = *p;
			p++;
		}
		const char *eq = memchr(start, '=', (size_t)(p - start));
		size_t nlen = (size_t)((eq ? eq : p) - start) - 2;
		char *name = bh_arena_strndup(ps->arena, start + 2, nlen);
		for (char *c = name; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		bh_df_flag *f = bh_vec_grow_one(&flags);
		f->name = name;
		f->value = eq ? bh_arena_strndup(ps->arena, eq + 1, (size_t)(p - eq - 1)) : NULL;
		size_t src = line_to_src(ps->line, (size_t)(start - ps->full));
		bh_source_position(ps->lx->src, src, &f->line, &f->col);
		if (!bh_df__flag_allowed(in->kind, name))
			error_in(ps, in, start, "unknown flag '--%s' for %s", name,
				 bh_df_kind_name(in->kind));
	}
	in->nflags = flags.len;
	in->flags = bh_arena_alloc(ps->arena, (flags.len + 1) * sizeof(*in->flags));
	if (flags.len)
		memcpy(in->flags, flags.items, flags.len * sizeof(*in->flags));
	bh_vec_dispose(&flags);
	return p;
}

static void set_single_arg(parser *ps, bh_df_instr *in, const char *text)
{
	in->args = bh_arena_alloc(ps->arena, 2 * sizeof(*in->args));
	in->args[0] = text;
	in->nargs = 1;
}

// exec-or-shell = json-array | shell-text
// A '[' that does not start valid JSON makes Docker fall back to the shell
// form silently; that is almost always a typo, so it is reported.
static void parse_command(parser *ps, bh_df_instr *in, const char *text, bool json_required)
{
	const char *why = NULL;
	if (*text == '[') {
		if (bh_df__parse_json_array(&in->args, &in->nargs, ps->arena, text, &why)) {
			in->exec_form = true;
			return;
		}
		if (json_required) {
			error_in(ps, in, text, "%s needs a JSON array of strings (%s)",
				 bh_df_kind_name(in->kind), why);
			return;
		}
		error_in(ps, in, text, "%s looks like exec form but is not valid JSON (%s); "
			 "Docker would run it through a shell", bh_df_kind_name(in->kind), why);
	} else if (json_required) {
		error_in(ps, in, text, "%s needs a JSON array of strings (%s)",
			 bh_df_kind_name(in->kind), "got shell form");
		return;
	}
	if (!*text && in->nheredocs == 0) {
		error_in(ps, in, NULL, "%s needs a command%s", bh_df_kind_name(in->kind), "");
		return;
	}
	set_single_arg(ps, in, text);
}

// key-values = word+ where each word is name=value, or the legacy
// "name value..." form (ENV and LABEL only).
static void parse_key_values(parser *ps, bh_df_instr *in, const char *text)
{
	char esc = ps->lx->escape;
	const char **words;
	size_t n = bh_df_split_words(&words, ps->arena, text, esc);
	const char *kw = bh_df_kind_name(in->kind);
	if (n == 0) {
		error_in(ps, in, NULL, "%s needs at least one argument%s", kw, "");
		return;
	}
	in->kvs = bh_arena_alloc(ps->arena, n * sizeof(*in->kvs));
	if (in->kind != BH_DF_ARG && !strchr(words[0], '=')) {
		// Legacy form: ENV name value with spaces
		if (n < 2) {
			error_in(ps, in, text, "%s '%s' needs a value", kw, words[0]);
			return;
		}
		const char *rest = skip_spaces(text + strlen(words[0]));
		in->kvs[0] = (bh_df_kv){ words[0], rest };
		in->nkvs = 1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(words[i], '=');
		if (!eq && in->kind != BH_DF_ARG) {
			error_in(ps, in, text, "%s argument '%s' is not of the form name=value", kw,
				 words[i]);
			continue;
		}
		const char *key = eq ? bh_arena_strndup(ps->arena, words[i], (size_t)(eq - words[i]))
				     : words[i];
		if (!*key) {
			error_in(ps, in, text, "%s has an empty name in '%s'", kw, words[i]);
			continue;
		}
		in->kvs[in->nkvs++] = (bh_df_kv){ key, eq ? eq + 1 : NULL };
	}
}

static void parse_words(parser *ps, bh_df_instr *in, const char *text)
{
	in->nargs = bh_df_split_words(&in->args, ps->arena, text, ps->lx->escape);
}

// FROM [--platform=p] image [AS name]
static void parse_from(parser *ps, bh_df_instr *in, const char *text)
{
	parse_words(ps, in, text);
	if (in->nargs == 1)
		return;
	if (in->nargs == 3 && strcasecmp(in->args[1], "as") == 0)
		return;
	if (in->nargs == 0)
		error_in(ps, in, NULL, "FROM needs an image%s%s", "", "");
	else
		error_in(ps, in, text, "FROM takes an image and optionally 'AS name', not '%s'%s",
			 text, "");
}

// copy = json-array | word word+       (at least a source and a destination)
static void parse_copy(parser *ps, bh_df_instr *in, const char *text)
{
	const char *why;
	if (*text == '[' && bh_df__parse_json_array(&in->args, &in->nargs, ps->arena, text, &why))
		in->exec_form = true;
	else
		parse_words(ps, in, text);
	if (in->nargs < 2)
		error_in(ps, in, text, "%s needs a source and a destination%s",
			 bh_df_kind_name(in->kind), "");
}

// healthcheck = flag* ( "NONE" | "CMD" exec-or-shell )
static void parse_healthcheck(parser *ps, bh_df_instr *in, const char *text)
{
	const char *p = text;
	while (*p && !isspace((unsigned char)*p))
		p++;
	size_t n = (size_t)(p - text);
	if (n == 4 && strncasecmp(text, "NONE", 4) == 0 && !*skip_spaces(p)) {
		in->healthcheck_none = true;
		return;
	}
	if (n == 3 && strncasecmp(text, "CMD", 3) == 0) {
		parse_command(ps, in, skip_spaces(p), false);
		return;
	}
	error_in(ps, in, text, "HEALTHCHECK needs NONE or CMD, not '%.*s'%s",
		 bh_arena_strndup(ps->arena, text, n), "");
}

static void parse_arguments(parser *ps, bh_df_instr *in, int depth);

// Parse one instruction from `text` (keyword first). `depth` is 1 for the
// instruction an ONBUILD triggers.
static void parse_instruction(parser *ps, bh_df_instr *in, const char *text, int depth)
{
	const char *p = text;
	while (*p && !isspace((unsigned char)*p))
		p++;
	in->keyword = bh_arena_strndup(ps->arena, text, (size_t)(p - text));
	in->kind = bh_df__keyword(text, (size_t)(p - text));
	in->text = skip_spaces(p);
	// Trailing blanks are not part of the arguments.
	size_t tl = strlen(in->text);
	while (tl > 0 && isspace((unsigned char)in->text[tl - 1]))
		tl--;
	char *t = (char *)in->text;
	t[tl] = '\0';
	in->args_text = in->text;
	if (in->kind == BH_DF_ERROR) {
		// Keep the keyword short in the message: it may be binary junk.
		char shown[41];
		size_t kl = strlen(in->keyword);
		snprintf(shown, sizeof(shown), "%.*s%s", (int)(kl > 32 ? 32 : kl), in->keyword,
			 kl > 32 ? "..." : "");
		for (char *c = shown; *c; c++)
			if (!isprint((unsigned char)*c))
				*c = '?';
		error_in(ps, in, text, "unknown instruction '%s'%s", shown, "");
		return;
	}
	parse_arguments(ps, in, depth);
}

static void parse_arguments(parser *ps, bh_df_instr *in, int depth)
{
	const char *args = parse_flags(ps, in, in->text);
	args = skip_spaces(args);
	in->args_text = args;
	switch (in->kind) {
	case BH_DF_RUN:
	case BH_DF_CMD:
	case BH_DF_ENTRYPOINT:
		parse_command(ps, in, args, false);
		break;
	case BH_DF_SHELL:
		parse_command(ps, in, args, true);
		if (in->exec_form && in->nargs == 0)
			error_in(ps, in, args, "SHELL needs at least the shell program%s%s", "", "");
		break;
	case BH_DF_HEALTHCHECK:
		parse_healthcheck(ps, in, args);
		break;
	case BH_DF_FROM:
		parse_from(ps, in, args);
		break;
	case BH_DF_ENV:
	case BH_DF_LABEL:
	case BH_DF_ARG:
		parse_key_values(ps, in, args);
		break;
	case BH_DF_COPY:
	case BH_DF_ADD:
		parse_copy(ps, in, args);
		break;
	case BH_DF_EXPOSE:
		parse_words(ps, in, args);
		if (!in->nargs)
			error_in(ps, in, NULL, "EXPOSE needs a port%s%s", "", "");
		break;
	case BH_DF_VOLUME: {
		const char *why;
		if (*args == '[' &&
		    bh_df__parse_json_array(&in->args, &in->nargs, ps->arena, args, &why))
			in->exec_form = true;
		else
			parse_words(ps, in, args);
		if (!in->nargs)
			error_in(ps, in, NULL, "VOLUME needs a path%s%s", "", "");
		break;
	}
	case BH_DF_USER:
	case BH_DF_WORKDIR:
	case BH_DF_MAINTAINER:
	case BH_DF_STOPSIGNAL:
		if (!*args)
			error_in(ps, in, NULL, "%s needs an argument%s", bh_df_kind_name(in->kind), "");
		else
			set_single_arg(ps, in, args);
		break;
	case BH_DF_ONBUILD: {
		if (depth > 0 || !*args) {
			error_in(ps, in, NULL, "%s", depth > 0 ? "ONBUILD cannot be nested"
				 : "ONBUILD needs an instruction", NULL);
			break;
		}
		bh_df_instr *inner = bh_arena_alloc(ps->arena, sizeof(*inner));
		inner->loc = in->loc;
		inner->offset = in->offset;
		inner->len = in->len;
		parse_instruction(ps, inner, args, depth + 1);
		if (inner->kind == BH_DF_FROM || inner->kind == BH_DF_ONBUILD ||
		    inner->kind == BH_DF_MAINTAINER)
			error_in(ps, in, args, "ONBUILD cannot trigger %s%s", inner->keyword, "");
		in->inner = inner;
		in->bad = in->bad || inner->bad;
		break;
	}
	case BH_DF_ERROR:
		break;
	}
}

// Re-express the logical line's pieces relative to instr->text.
static void set_pieces(parser *ps, bh_df_instr *in)
{
	const bh_df__line *ln = ps->line;
	in->pieces = bh_arena_alloc(ps->arena, (ln->pieces.len + 1) * sizeof(*in->pieces));
	size_t n = 0;
	for (size_t i = 0; i < ln->pieces.len; i++) {
		bh_df_piece pc = ln->pieces.items[i];
		size_t next = i + 1 < ln->pieces.len ? ln->pieces.items[i + 1].text_off : SIZE_MAX;
		if (next <= ps->base)
			continue;
		if (pc.text_off < ps->base) {
			pc.src_off += (uint32_t)(ps->base - pc.text_off);
			pc.text_off = 0;
		} else {
			pc.text_off -= (uint32_t)ps->base;
		}
		in->pieces[n++] = pc;
	}
	in->npieces = n;
}

void bh_df_instr_position(const bh_df_file *df, const bh_df_instr *instr, size_t text_off,
			  uint32_t *line, uint32_t *col)
{
	if (!instr->npieces) {
		*line = instr->loc.line;
		*col = instr->loc.col;
		return;
	}
	size_t i = 0;
	while (i + 1 < instr->npieces && instr->pieces[i + 1].text_off <= text_off)
		i++;
	size_t src = instr->pieces[i].src_off + (text_off - instr->pieces[i].text_off);
	if (src > df->src->len)
		src = df->src->len;
	bh_source_position(df->src, src, line, col);
}

bh_status bh_df_parse(bh_df_file **out, bh_arena *arena, const bh_source *src,
		      const bh_df_options *opts, bh_diags *diags)
{
	bh_df_file *df = bh_arena_alloc(arena, sizeof(*df));
	df->src = src;
	df->escape = '\\';
	bh_df__errors errors = { 0 };
	BH_VEC(bh_df_instr) instrs = { 0 };
	size_t max_instr = opts && opts->max_instructions ? opts->max_instructions
							  : DEFAULT_MAX_INSTRUCTIONS;
	bh_df__lexer lx = {
		.arena = arena, .src = src, .data = src->data, .len = src->len,
		.escape = '\\', .errors = &errors,
		.max_errors = opts && opts->max_errors ? opts->max_errors : DEFAULT_MAX_ERRORS,
	};
	bh_df__lex_directives(&lx, df);

	bh_df__line ln;
	while (bh_df__lex_line(&lx, &ln)) {
		if (instrs.len >= max_instr) {
			if (diags)
				bh_diag_add(diags, BH_LEVEL_WARNING, "df.too-many-instructions",
					    src->path, 0, 0, "more than %zu instructions; the rest "
					    "of the file is not analysed", max_instr);
			free(ln.text);
			bh_vec_dispose(&ln.pieces);
			break;
		}
		bh_df_instr *in = bh_vec_grow_one(&instrs);
		// The joined text is copied into the arena; instruction fields
		// point into the copy.
		char *text = bh_arena_strndup(arena, ln.text, ln.text_len);
		bh_source_position(src, ln.start, &in->loc.line, &in->loc.col);
		in->loc.path = src->path;
		parser ps = { &lx, arena, &ln, 0, text };
		const char *p = text;
		while (*p && !isspace((unsigned char)*p))
			p++;
		p = skip_spaces(p);
		ps.base = (size_t)(p - text);
		in->offset = (uint32_t)ln.start;
		size_t end = ln.end;
		parse_instruction(&ps, in, text, 0);
		set_pieces(&ps, in);
		// Heredocs (shell form of RUN, COPY and ADD) take the lines that
		// follow the instruction.
		if ((in->kind == BH_DF_RUN || in->kind == BH_DF_COPY || in->kind == BH_DF_ADD) &&
		    !in->exec_form) {
			in->nheredocs = bh_df__find_heredocs(&in->heredocs, arena, in->args_text,
							     lx.escape);
			if (in->nheredocs)
				bh_df__lex_heredocs(&lx, in->heredocs, in->nheredocs, ln.start, &end);
			if (in->nheredocs && in->kind == BH_DF_RUN && !in->nargs && !in->bad) {
				in->args = bh_arena_alloc(arena, 2 * sizeof(*in->args));
				in->args[0] = in->args_text;
				in->nargs = 1;
			}
		}
		in->len = (uint32_t)(end - ln.start);
		bh_source_position(src, end, &in->loc.end_line, &in->loc.end_col);
		free(ln.text);
		bh_vec_dispose(&ln.pieces);
	}
	if (lx.nerrors_dropped && diags)
		bh_diag_add(diags, BH_LEVEL_WARNING, "df.too-many-errors", src->path, 0, 0,
			    "%zu more syntax errors were not reported", lx.nerrors_dropped);

	df->escape = lx.escape;
	df->ninstrs = instrs.len;
	df->instrs = bh_arena_alloc(arena, (instrs.len + 1) * sizeof(*df->instrs));
	if (instrs.len)
		memcpy(df->instrs, instrs.items, instrs.len * sizeof(*df->instrs));
	df->nerrors = errors.len;
	df->errors = bh_arena_alloc(arena, (errors.len + 1) * sizeof(*df->errors));
	if (errors.len)
		memcpy(df->errors, errors.items, errors.len * sizeof(*df->errors));
	bh_vec_dispose(&instrs);
	bh_vec_dispose(&errors);
	*out = df;
	return BH_OK;
}

void bh_df_dump(const bh_df_file *df, void *file)
{
	FILE *f = file;
	if (df->syntax)
		fprintf(f, "# syntax=%s\n", df->syntax);
	if (df->escape != '\\')
		fprintf(f, "# escape=%c\n", df->escape);
	for (size_t i = 0; i < df->ninstrs; i++) {
		const bh_df_instr *in = &df->instrs[i];
		fprintf(f, "%u:%u-%u:%u %s", in->loc.line, in->loc.col, in->loc.end_line,
			in->loc.end_col, bh_df_kind_name(in->kind));
		for (size_t k = 0; k < in->nflags; k++)
			fprintf(f, " --%s%s%s", in->flags[k].name, in->flags[k].value ? "=" : "",
				in->flags[k].value ? in->flags[k].value : "");
		fprintf(f, "%s%s", in->exec_form ? " exec" : "", in->healthcheck_none ? " NONE" : "");
		for (size_t k = 0; k < in->nargs; k++)
			fprintf(f, " [%s]", in->args[k]);
		for (size_t k = 0; k < in->nkvs; k++)
			fprintf(f, " {%s=%s}", in->kvs[k].key, in->kvs[k].value ? in->kvs[k].value : "(unset)");
		for (size_t k = 0; k < in->nheredocs; k++)
			fprintf(f, " <<%s(%zu bytes%s)", in->heredocs[k].word, strlen(in->heredocs[k].body),
				in->heredocs[k].terminated ? "" : ", unterminated");
		if (in->inner)
			fprintf(f, " -> %s", bh_df_kind_name(in->inner->kind));
		fprintf(f, "%s\n", in->bad ? " !bad" : "");
	}
	for (size_t i = 0; i < df->nerrors; i++)
		fprintf(f, "error %u:%u %s\n", df->errors[i].loc.line, df->errors[i].loc.col,
			df->errors[i].message);
}
