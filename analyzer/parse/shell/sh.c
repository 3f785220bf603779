// SPDX-License-Identifier: MIT
// The shell adapter: RUN text -> tree-sitter-bash -> a flat list of simple
// commands (bh_sh_script). Sits between the Dockerfile parser and the
// image model, which recognises build and download commands in the list.
//
// This module owns the TSParser and TSTree: both are created and deleted
// inside bh_sh_parse with tree-sitter's own functions, so nothing foreign
// outlives the call. The walk is recursive over the syntax tree and
// guarded by a depth limit; a time limit bounds the parse itself.
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "bulkhead/arena.h"
#include "bulkhead/sh.h"
#include "bulkhead/vec.h"

const TSLanguage *tree_sitter_bash(void);

#define MAX_DEPTH 200
#define MAX_COMMANDS 20000
#define MAX_TEXT (4u << 20)
#define PARSE_TIMEOUT_US 5000000

typedef BH_VEC(bh_sh_cmd) cmd_vec;

typedef struct {
	bh_arena *arena;
	const char *text;
	cmd_vec cmds;
	int npipelines;
	bool truncated;
} walker;

const char *bh_sh_basename(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
	return slash ? slash + 1 : argv0 ? argv0 : "";
}

static bool is_type(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = bh_xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

// A word's value with shell quoting removed; expansions stay as written.
static void word_text(walker *w, TSNode n, char **buf, size_t *len, size_t *cap, int depth)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	const char *t = w->text + s;
	size_t tl = e - s;
	const char *type = ts_node_type(n);
	if (strcmp(type, "raw_string") == 0 || strcmp(type, "string") == 0) {
		if (tl >= 2)
			append(buf, len, cap, t + 1, tl - 2);
	} else if (strcmp(type, "ansi_c_string") == 0) {
		if (tl >= 3)
			append(buf, len, cap, t + 2, tl - 3);
	} else if (strcmp(type, "concatenation") == 0 && depth < MAX_DEPTH) {
		uint32_t nc = ts_node_child_count(n);
		for (uint32_t i = 0; i < nc; i++)
			word_text(w, ts_node_child(n, i), buf, len, cap, depth + 1);
	} else if (strcmp(type, "word") == 0) {
		// Unquoted backslashes escape the next character.
		for (size_t i = 0; i < tl; i++) {
			if (t[i] == '\\' && i + 1 < tl)
				i++;
			append(buf, len, cap, t + i, 1);
		}
	} else {
		append(buf, len, cap, t, tl);
	}
}

// The node's source text with runs of blanks collapsed (for redirections).
static const char *node_text(walker *w, TSNode n)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	const char *t = w->text + s;
	size_t len = e - s;
	// A heredoc redirect includes its body: keep the first line only.
	const char *nl = memchr(t, '\n', len);
	if (nl)
		len = (size_t)(nl - t);
	char *out = bh_arena_alloc(w->arena, len + 1);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		bool blank = t[i] == ' ' || t[i] == '\t';
		if (blank && (k == 0 || out[k - 1] == ' '))
			continue;
		out[k++] = blank ? ' ' : t[i];
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return out;
}

typedef BH_VEC(const char *) str_vec;

// A redirection as written. A heredoc redirect is "<<EOF" itself, then the
// redirections written after it on the same line (tree-sitter nests them
// inside it, and its text runs on into the body).
static void push_redirect(walker *w, str_vec *out, TSNode c)
{
	if (!is_type(c, "heredoc_redirect")) {
		bh_vec_push(out, node_text(w, c));
		return;
	}
	uint32_t hn = ts_node_named_child_count(c);
	for (uint32_t k = 0; k < hn; k++) {
		TSNode h = ts_node_named_child(c, k);
		if (is_type(h, "heredoc_start"))
			bh_vec_push(out, bh_arena_strndup(w->arena, w->text + ts_node_start_byte(c),
							  ts_node_end_byte(h) - ts_node_start_byte(c)));
		else if (strstr(ts_node_type(h), "redirect"))
			bh_vec_push(out, node_text(w, h));
	}
}

static const char *node_word(walker *w, TSNode n)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	append(&buf, &len, &cap, "", 0);
	word_text(w, n, &buf, &len, &cap, 0);
	const char *r = bh_arena_strndup(w->arena, buf, len);
	free(buf);
	return r;
}

typedef struct {
	int parent;
	bh_sh_context context;
	int pipeline, pipe_pos;
} position;

static void walk(walker *w, TSNode n, position pos, int depth);
static void walk_redirected(walker *w, TSNode n, position pos, int depth);

// Visit the substitutions inside a command's words and assignments.
static void walk_substitutions(walker *w, TSNode n, int cmd, int depth)
{
	if (depth > MAX_DEPTH) {
		w->truncated = true;
		return;
	}
	const char *type = ts_node_type(n);
	if (strcmp(type, "command_substitution") == 0 || strcmp(type, "process_substitution") == 0) {
		position inner = { cmd, type[0] == 'c' ? BH_SH_CMDSUBST : BH_SH_PROCSUBST, -1, 0 };
		uint32_t nc = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nc; i++)
			walk(w, ts_node_named_child(n, i), inner, depth + 1);
		return;
	}
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++)
		walk_substitutions(w, ts_node_named_child(n, i), cmd, depth + 1);
}

static void walk_command(walker *w, TSNode n, position pos, int depth)
{
	if (w->cmds.len >= MAX_COMMANDS) {
		w->truncated = true;
		return;
	}
	BH_VEC(const char *) argv = { 0 };
	BH_VEC(bh_sh_assign) assigns = { 0 };
	str_vec redirects = { 0 };
	bool declaration = !is_type(n, "command");
	uint32_t nc = ts_node_named_child_count(n);
	if (declaration) // export/local/declare/readonly/typeset/unset: the keyword is the name
		bh_vec_push(&argv, bh_arena_strndup(w->arena, w->text + ts_node_start_byte(n),
						   strcspn(w->text + ts_node_start_byte(n), " \t\n")));
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		const char *type = ts_node_type(c);
		if (strcmp(type, "variable_assignment") == 0 && !declaration) {
			TSNode name = ts_node_child_by_field_name(c, "name", 4);
			TSNode value = ts_node_child_by_field_name(c, "value", 5);
			bh_sh_assign a = { ts_node_is_null(name) ? "" : node_word(w, name),
					   ts_node_is_null(value) ? "" : node_word(w, value) };
			bh_vec_push(&assigns, a);
		} else if (strcmp(type, "command_name") == 0) {
			TSNode inner = ts_node_named_child(c, 0);
			bh_vec_push(&argv, node_word(w, ts_node_is_null(inner) ? c : inner));
		} else if (strstr(type, "redirect") != NULL) {
			push_redirect(w, &redirects, c);
		} else if (strcmp(type, "subshell") != 0) {
			bh_vec_push(&argv, node_word(w, c));
		}
	}
	int idx = (int)w->cmds.len;
	bh_sh_cmd *cmd = bh_vec_grow_one(&w->cmds);
	cmd->argc = argv.len;
	cmd->argv = bh_arena_alloc(w->arena, (argv.len + 1) * sizeof(*cmd->argv));
	if (argv.len)
		memcpy(cmd->argv, argv.items, argv.len * sizeof(*cmd->argv));
	cmd->nassigns = assigns.len;
	cmd->assigns = bh_arena_alloc(w->arena, (assigns.len + 1) * sizeof(*cmd->assigns));
	if (assigns.len)
		memcpy(cmd->assigns, assigns.items, assigns.len * sizeof(*cmd->assigns));
	cmd->nredirects = redirects.len;
	cmd->redirects = bh_arena_alloc(w->arena, (redirects.len + 1) * sizeof(*cmd->redirects));
	if (redirects.len)
		memcpy(cmd->redirects, redirects.items, redirects.len * sizeof(*cmd->redirects));
	bh_vec_dispose(&redirects);
	cmd->offset = ts_node_start_byte(n);
	cmd->len = ts_node_end_byte(n) - cmd->offset;
	cmd->pipeline = pos.pipeline;
	cmd->pipe_pos = pos.pipe_pos;
	cmd->parent = pos.parent;
	cmd->context = pos.context;
	bh_vec_dispose(&argv);
	bh_vec_dispose(&assigns);
	// Substitutions run before the command itself, but listing them after
	// keeps `parent` pointing backwards, which the rules rely on.
	for (uint32_t i = 0; i < nc; i++)
		walk_substitutions(w, ts_node_named_child(n, i), idx, depth + 1);
}

static void walk(walker *w, TSNode n, position pos, int depth)
{
	if (depth > MAX_DEPTH) {
		w->truncated = true;
		return;
	}
	const char *type = ts_node_type(n);
	if (strcmp(type, "command") == 0 || strcmp(type, "declaration_command") == 0 ||
	    strcmp(type, "unset_command") == 0) {
		walk_command(w, n, pos, depth);
		return;
	}
	if (strcmp(type, "heredoc_body") == 0)
		return; // data, not commands
	if (strcmp(type, "redirected_statement") == 0) {
		walk_redirected(w, n, pos, depth);
		return;
	}
	position child = pos;
	bool is_pipeline = strcmp(type, "pipeline") == 0;
	if (is_pipeline)
		child.pipeline = w->npipelines++;
	else if (strcmp(type, "redirected_statement") != 0 && strcmp(type, "negated_command") != 0)
		child.pipeline = -1; // pipeline membership passes only through redirections
	uint32_t nc = ts_node_named_child_count(n);
	int k = 0;
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (is_pipeline)
			child.pipe_pos = k++;
		if (strcmp(ts_node_type(c), "command_substitution") == 0 ||
		    strcmp(ts_node_type(c), "process_substitution") == 0)
			walk_substitutions(w, c, pos.parent, depth + 1);
		else
			walk(w, c, child, depth + 1);
	}
}

// `body > file`: the redirections belong to the body; when the body is a
// simple command they are recorded on it.
static void walk_redirected(walker *w, TSNode n, position pos, int depth)
{
	size_t before = w->cmds.len;
	str_vec redirects = { 0 };
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (strstr(ts_node_type(c), "redirect")) {
			push_redirect(w, &redirects, c);
		} else {
			walk(w, c, pos, depth + 1);
		}
	}
	TSNode body = ts_node_child_by_field_name(n, "body", 4);
	if (!ts_node_is_null(body) && is_type(body, "command") && w->cmds.len > before) {
		bh_sh_cmd *cmd = &w->cmds.items[before];
		size_t n_all = cmd->nredirects + redirects.len;
		const char **all = bh_arena_alloc(w->arena, (n_all + 1) * sizeof(*all));
		if (cmd->nredirects)
			memcpy(all, cmd->redirects, cmd->nredirects * sizeof(*all));
		if (redirects.len)
			memcpy(all + cmd->nredirects, redirects.items, redirects.len * sizeof(*all));
		cmd->redirects = all;
		cmd->nredirects = n_all;
	}
	bh_vec_dispose(&redirects);
}

static bool first_error(TSNode n, uint32_t *offset, int depth)
{
	if (!ts_node_has_error(n) || depth > MAX_DEPTH)
		return false;
	if (ts_node_is_missing(n) || is_type(n, "ERROR")) {
		*offset = ts_node_start_byte(n);
		return true;
	}
	uint32_t nc = ts_node_child_count(n);
	for (uint32_t i = 0; i < nc; i++)
		if (first_error(ts_node_child(n, i), offset, depth + 1))
			return true;
	*offset = ts_node_start_byte(n);
	return true;
}

bh_status bh_sh_parse(bh_sh_script **out, bh_arena *arena, const char *text, size_t len)
{
	bh_sh_script *sc = bh_arena_alloc(arena, sizeof(*sc));
	*out = sc;
	sc->cmds = bh_arena_alloc(arena, sizeof(*sc->cmds));
	if (len > MAX_TEXT) {
		sc->truncated = true;
		return BH_OK;
	}
	bh_alloc_install();
	TSParser *parser = ts_parser_new();
	TSTree *tree = NULL;
	walker w = { .arena = arena, .text = text };
	if (!ts_parser_set_language(parser, tree_sitter_bash()))
		goto out;
	ts_parser_set_timeout_micros(parser, PARSE_TIMEOUT_US);
	tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
	if (!tree) {
		sc->truncated = true;
		goto out;
	}
	TSNode root = ts_tree_root_node(tree);
	sc->has_error = first_error(root, &sc->error_offset, 0);
	position top = { -1, BH_SH_TOP, -1, 0 };
	walk(&w, root, top, 0);
	sc->truncated = w.truncated;
	sc->ncmds = w.cmds.len;
	sc->cmds = bh_arena_alloc(arena, (w.cmds.len + 1) * sizeof(*sc->cmds));
	if (w.cmds.len)
		memcpy(sc->cmds, w.cmds.items, w.cmds.len * sizeof(*sc->cmds));
out:
	bh_vec_dispose(&w.cmds);
	if (tree)
		ts_tree_delete(tree);
	ts_parser_delete(parser);
	return BH_OK;
}
