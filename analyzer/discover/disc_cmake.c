// SPDX-License-Identifier: MIT
// The build recipes of a CMakeLists.txt (bh_cmake_recipes): which
// executables and libraries it declares, from which C sources, with which
// flags, and where its install step puts them. Part of discovery; image
// correlation uses it to follow a `cmake` build in a Dockerfile RUN to the
// programs it links. Discovery reads the same way the files a project's
// configure_file() calls write (bh_cmake_config_headers: a config.h the
// build tree would have), its check_*() commands answered by the host.
// The end of the file holds the target model shared with the meson reader
// (bh_disc__target*, see disc_internal.h).
//
// The file is read, never run: no cmake, no compiler checks, no other
// file than those `read` hands over for add_subdirectory() and include().
// Reading happens in two steps:
//  1. each file is cut into commands (`name(args)`, with quoted, bracket
//     and unquoted arguments, comments and continuations);
//  2. the commands run in order over a variable store with directory
//     scopes: assignments, list(), file(GLOB), option(), project(), the
//     target commands, install(TARGETS), add_subdirectory(), include().
// Conditions are not evaluated. As in the Makefile reader, assignments
// inside if() blocks are skipped (which branch runs is not known) but
// targets declared there are kept; the variables such a branch assigns
// are "tainted": what uses them is marked incomplete. Loop and function
// bodies are skipped, and the variables they may set are tainted too.
// A value nobody can know ($ENV{}, a variable never set, a generator
// expression) is a word holding the byte UNKNOWN: it is never guessed at,
// it only makes what depends on it incomplete.
//
// The text is hostile input: NUL and control bytes read as blanks,
// unterminated arguments end the file, self-referencing variables and
// nested references are bounded, add_subdirectory() cycles are cut, and
// every count is bounded; a bound reached becomes one "disc.cmake-limit"
// warning and a partial result.
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/fileio.h"
#include "bulkhead/strset.h"
#include "bulkhead/text.h"
#include "disc_internal.h"

#define MAX_COMMANDS 262144u    // commands read, all files together
#define MAX_VALUE (4u << 20)    // bytes of one value or one expansion
#define MAX_WORK (64u << 20)    // bytes produced by all expansions
#define MAX_DEPTH 32            // nested ${} references; nested files
#define MAX_FILES 1024          // files read through add_subdirectory() and include()
#define MAX_MATCHES 4000000u    // file names compared by file(GLOB)

// Bytes with a meaning of their own in values. The text read never holds
// them: control bytes of the file read as blanks.
#define UNKNOWN BH_DISC__UNKNOWN // an unknowable value: a word holding it is dropped
#define SRC_ROOT '\x02'         // leads a path of the source tree (CMAKE_SOURCE_DIR)
#define BIN_ROOT '\x03'         // leads a path of the build tree (CMAKE_BINARY_DIR)
#define UNSET "\x04"            // a variable unset in an inner scope
#define ESC_SEMI '\x05'         // an escaped ';': does not split a list
#define TAINT '\x06'            // leads a value a skipped assignment may have changed
#define DIR_COPTS "\x07copts"   // directory property: compile options and definitions
#define DIR_LOPTS "\x07lopts"   // directory property: link options

typedef bh_disc__str_vec str_vec;

/* ----------------------------------------------------------- tokenizer */

typedef enum { ARG_UNQUOTED, ARG_QUOTED, ARG_BRACKET } arg_form;

typedef struct {
	const char *s;          // into the file's cleaned text
	size_t n;
	arg_form form;
} cm_arg;

typedef struct {
	char name[40];          // lower-cased; "" when too long to be one we know
	size_t first, nargs;    // its arguments: args.items[first .. first + nargs)
	uint32_t line;
} cm_cmd;

typedef struct {
	char *text;             // heap: the file with control bytes made blanks
	size_t len;
	BH_VEC(cm_cmd) cmds;
	BH_VEC(cm_arg) args;
} cm_file;

// The length of a bracket opening "[" "="* "[" at s[i], or 0.
static size_t bracket_open(const char *s, size_t n, size_t i, size_t *level)
{
	size_t j = i + 1;
	while (j < n && s[j] == '=')
		j++;
	if (j >= n || s[i] != '[' || s[j] != '[')
		return 0;
	*level = j - i - 1;
	return j + 1 - i;
}

// The end (after "]" "="*level "]") of the bracket text from s[i], or
// SIZE_MAX when it never closes; lines are counted.
static size_t bracket_close(const char *s, size_t n, size_t i, size_t level, uint32_t *line)
{
	for (; i < n; i++) {
		if (s[i] == '\n')
			(*line)++;
		if (s[i] != ']' || i + level + 1 >= n)
			continue;
		size_t k = 0;
		while (k < level && s[i + 1 + k] == '=')
			k++;
		if (k == level && s[i + 1 + level] == ']')
			return i + level + 2;
	}
	return SIZE_MAX;
}

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

// Skip blanks, newlines and comments (line and bracket) from s[i].
static size_t skip_space(const char *s, size_t n, size_t i, uint32_t *line)
{
	while (i < n) {
		if (s[i] == '\n') {
			(*line)++;
			i++;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++;
		} else if (s[i] == '#') {
			size_t level, open = i + 1 < n ? bracket_open(s, n, i + 1, &level) : 0;
			if (open) {
				i = bracket_close(s, n, i + 1 + open, level, line);
				i = i == SIZE_MAX ? n : i;
			} else {
				while (i < n && s[i] != '\n')
					i++;
			}
		} else {
			break;
		}
	}
	return i;
}

// The end of a quoted argument whose '"' is at s[i], or SIZE_MAX when it
// never closes.
static size_t quoted_end(const char *s, size_t n, size_t i, uint32_t *line)
{
	for (i++; i < n; i++) {
		if (s[i] == '\n')
			(*line)++;
		if (s[i] == '\\')
			i += i + 1 < n && s[i + 1] == '\n' ? ((*line)++, 1) : 1;
		else if (s[i] == '"')
			return i + 1;
	}
	return SIZE_MAX;
}

// The end of an unquoted argument from s[i] (legacy `a"b c"d` included).
static size_t unquoted_end(const char *s, size_t n, size_t i, uint32_t *line)
{
	while (i < n) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')' ||
		    c == '#')
			break;
		if (c == '\\') {
			i += 2;
		} else if (c == '"') {
			i = quoted_end(s, n, i, line);
			i = i == SIZE_MAX ? n : i;
		} else {
			i++;
		}
	}
	return i < n ? i : n;
}

// arguments = { space | comment | "(" arguments ")" | argument }
// argument  = bracket-argument | quoted-argument | unquoted-argument
// Reads from s[i] (after the command's "(") to its ")"; false when the
// text ends first (an unterminated argument or parenthesis).
static bool read_arguments(cm_file *f, size_t *pi, uint32_t *line, size_t *nargs)
{
	const char *s = f->text;
	size_t n = f->len, i = *pi, depth = 0, level;
	while (true) {
		i = skip_space(s, n, i, line);
		if (i >= n)
			return false;
		char c = s[i];
		cm_arg a = { s + i, 0, ARG_UNQUOTED };
		if (c == ')' && depth == 0) {
			*pi = i + 1;
			return true;
		} else if (c == '(' || c == ')') { // nested parentheses only matter to if()
			depth += c == '(' ? 1 : -1;
			i++;
			continue;
		} else if (c == '"') {
			size_t end = quoted_end(s, n, i, line);
			if (end == SIZE_MAX)
				return false;
			a = (cm_arg){ s + i + 1, end - i - 2, ARG_QUOTED };
			i = end;
		} else if (c == '[' && bracket_open(s, n, i, &level)) {
			size_t open = bracket_open(s, n, i, &level);
			size_t end = bracket_close(s, n, i + open, level, line);
			if (end == SIZE_MAX)
				return false;
			size_t from = i + open;
			if (from < n && s[from] == '\n') // a first newline is not part of it
				from++;
			a = (cm_arg){ s + from, end - level - 2 - from, ARG_BRACKET };
			i = end;
		} else {
			size_t end = unquoted_end(s, n, i, line);
			a.n = end - i;
			i = end;
		}
		bh_vec_push(&f->args, a);
		(*nargs)++;
	}
}

// file = { command | space | comment }
// command = identifier space* "(" arguments ")"
// A line that is no command is skipped; an unterminated argument ends
// the file (what came before it is kept). False once MAX_COMMANDS is spent.
static bool tokenize(cm_file *f, size_t *budget)
{
	const char *s = f->text;
	size_t n = f->len, i = 0;
	uint32_t line = 1;
	while (true) {
		i = skip_space(s, n, i, &line);
		if (i >= n)
			return true;
		if (!is_ident_start(s[i])) {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		size_t start = i;
		while (i < n && is_ident_char(s[i]))
			i++;
		size_t name_len = i - start;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || s[i] != '(') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (*budget == 0)
			return false;
		--*budget;
		i++;
		cm_cmd cmd = { .first = f->args.len, .line = line };
		if (name_len < sizeof(cmd.name))
			for (size_t k = 0; k < name_len; k++) {
				char c = s[start + k];
				cmd.name[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
			}
		if (!read_arguments(f, &i, &line, &cmd.nargs))
			return true;
		bh_vec_push(&f->cmds, cmd);
	}
}

static void file_dispose(cm_file *f)
{
	free(f->text);
	bh_vec_dispose(&f->cmds);
	bh_vec_dispose(&f->args);
}

/* -------------------------------------------------------------- reader */

// A variable scope: a directory's, chained to its parent's.
typedef struct cm_scope {
	bh_strmap vars;         // values; UNSET shadows an outer value
	struct cm_scope *parent;
} cm_scope;

// What CMake knows of a target besides the shared model.
typedef struct {
	const char *src_dir;    // context-relative directory of its CMakeLists.txt
	const char *bin_dir;    // its build directory, relative to the top one
	const char *out_name;   // OUTPUT_NAME, or NULL for its name
	const char *prefix, *suffix; // PREFIX / SUFFIX, or NULL for the defaults
	const char *out_dir;    // *_OUTPUT_DIRECTORY as a value (markers kept), or NULL
	str_vec cflags, lflags; // compile then link options (scratch)
	bool link_unknown;      // a linked library stayed unknown
	bool imported;
} cm_info;

typedef struct {
	size_t target;
	const char *name;       // a library it links, by name
} cm_link;

typedef struct {
	const char *name;       // the target
	const char *dest[3];    // RUNTIME, LIBRARY, ARCHIVE destinations (markers kept), or NULL
	bool unknown[3];        // that destination could not be known
} cm_install;

// The file being run.
typedef struct {
	const char *path;       // context-relative
	const char *src_dir;    // context-relative directory, "" at the root
	const char *bin_dir;    // build directory relative to the top one, "" at the top
	int cond;               // depth of if() blocks
	bool stop;              // return() was reached
} cm_frame;

typedef struct {
	bh_arena *scratch;
	bh_disc__targets t;
	BH_VEC(cm_info) info;   // parallel to t.items
	bh_strmap names;        // target name (and alias) -> index, in decimal
	BH_VEC(cm_link) links;
	BH_VEC(cm_install) installs;
	bh_strmap cache;        // -D definitions, option() and set(... CACHE ...)
	bh_strmap user_cmds;    // function()/macro() name -> variables its body sets, ';'-joined
	cm_scope *scope;
	const char *const *files;
	size_t nfiles;
	bh_strset file_set;     // `files`, built when first needed
	BH_VEC(const char *) stack; // files being run: the cycle guard
	bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload);
	void *payload;
	size_t budget;          // commands still allowed (MAX_COMMANDS)
	size_t work;            // bytes produced by expansions
	size_t matches;         // file names compared by file(GLOB)
	size_t nread;           // files read through `read`
	int depth;              // nested files being run
	bool missed;            // a subdirectory or included file could not be read
	bool limited;
	// For bh_cmake_config_headers: the host the check_*() commands ask,
	// and the files configure_file() writes (NULL: not wanted).
	const bh_disc_host *host;
	const char *top_dir;    // context directory of the top CMakeLists.txt
	const char *root;       // the context's directory, for paths in values
	bh_arena *out_arena;
	bh_disc_config_headers *configured;
} cm_reader;

/* ------------------------------------------------------------- values */

typedef struct {
	char *s;
	size_t len, cap;
	bool failed;            // a bound cut it: the value is unknown
} buf;

static void buf_add(cm_reader *cm, buf *b, const char *p, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n > MAX_VALUE || cm->work + n > MAX_WORK) {
		cm->limited = true;
		b->failed = true;
		return;
	}
	cm->work += n;
	bh__vec_grow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_addc(cm_reader *cm, buf *b, char c)
{
	buf_add(cm, b, &c, 1);
}

// The buffer's text (scratch): UNKNOWN when a bound cut it.
static const char *buf_take(cm_reader *cm, buf *b)
{
	const char *s = b->failed ? "\x01"
				  : bh_arena_strndup(cm->scratch, b->s ? b->s : "", b->len);
	free(b->s);
	memset(b, 0, sizeof(*b));
	return s;
}

static bool is_unknown(const char *w)
{
	return strchr(w, UNKNOWN) || strstr(w, "$<");
}

static bool is_identifier(const char *w)
{
	if (!is_ident_start(w[0]))
		return false;
	for (const char *p = w; *p; p++)
		if (!is_ident_char(*p))
			return false;
	return true;
}

// The raw value of a variable: scopes inward out, then the cache; NULL
// when never set. UNSET reads as "".
static const char *raw_value(const cm_reader *cm, const char *name)
{
	for (const cm_scope *sc = cm->scope; sc; sc = sc->parent) {
		const char *v = bh_strmap_get(&sc->vars, name);
		if (v)
			return strcmp(v, UNSET) == 0 ? "" : v;
	}
	return bh_strmap_get(&cm->cache, name);
}

// The value of a variable for an expansion: UNKNOWN when never set; a
// tainted value sets *tainted and reads without its mark.
static const char *value_of(const cm_reader *cm, const char *name, bool cache_only,
			    bool *tainted)
{
	const char *v = cache_only ? bh_strmap_get(&cm->cache, name) : raw_value(cm, name);
	if (!v)
		return "\x01";
	if (v[0] == TAINT) {
		*tainted = true;
		return v + 1;
	}
	return v;
}

// Values stored count as work: a list appended to over and over is
// copied each time.
static void set_var(cm_reader *cm, cm_scope *sc, const char *name, const char *value)
{
	size_t n = strlen(value);
	if (cm->work + n > MAX_WORK) {
		cm->limited = true;
		value = "\x01";
		n = 1;
	}
	cm->work += n;
	bh_strmap_put(&sc->vars, name, value);
}

// Mark a variable as maybe changed by something we skipped: it keeps its
// value (or is unknown if it had none), and what uses it is incomplete.
static void taint_var(cm_reader *cm, const char *name)
{
	if (!is_identifier(name))
		return;
	const char *v = raw_value(cm, name);
	if (v && v[0] == TAINT)
		return;
	const char *shown = v ? v : "\x01";
	size_t n = strlen(shown);
	char *tv = bh_xmalloc(n + 2);
	tv[0] = TAINT;
	memcpy(tv + 1, shown, n + 1);
	set_var(cm, cm->scope, name, tv);
	free(tv);
}

static size_t ref_end(const char *s, size_t n, size_t i);

// Expand the references and escapes of s[0..n) into `out`.
// ref = "${" name "}" | "$ENV{" name "}" | "$CACHE{" name "}", where the
// name may hold references itself.
static void expand(cm_reader *cm, buf *out, const char *s, size_t n, bool escapes, int depth,
		   bool *tainted)
{
	for (size_t i = 0; i < n && !out->failed;) {
		char c = s[i];
		if (c == '\\' && escapes && i + 1 < n) {
			char d = s[i + 1];
			i += 2;
			if (d == ';')
				buf_addc(cm, out, ESC_SEMI);
			else if (d == 'n')
				buf_addc(cm, out, '\n');
			else if (d == 't')
				buf_addc(cm, out, '\t');
			else if (d != '\n' && d != 'r')
				buf_addc(cm, out, d);
			continue;
		}
		size_t open = 0;
		bool env = false, cache = false;
		if (c == '$' && i + 1 < n && s[i + 1] == '{')
			open = 2;
		else if (c == '$' && n - i > 5 && memcmp(s + i, "$ENV{", 5) == 0)
			open = 5, env = true;
		else if (c == '$' && n - i > 7 && memcmp(s + i, "$CACHE{", 7) == 0)
			open = 7, cache = true;
		size_t close = open ? ref_end(s, n, i + open) : n;
		if (close >= n) {
			buf_addc(cm, out, c);
			i++;
			continue;
		}
		if (depth >= MAX_DEPTH) {
			cm->limited = true;
			buf_addc(cm, out, UNKNOWN);
		} else {
			buf name = { 0 };
			expand(cm, &name, s + i + open, close - i - open, true, depth + 1, tainted);
			const char *nm = buf_take(cm, &name);
			const char *v = env || strchr(nm, UNKNOWN) ? "\x01"
				      : value_of(cm, nm, cache, tainted);
			buf_add(cm, out, v, strlen(v));
		}
		i = close + 1;
	}
}

// The '}' that closes a reference whose name starts at s[i], or n.
static size_t ref_end(const char *s, size_t n, size_t i)
{
	size_t nest = 0;
	for (; i < n; i++) {
		if (s[i] == '{' && i > 0 && s[i - 1] == '$')
			nest++;
		else if (s[i] == '}' && nest-- == 0)
			return i;
		else if (s[i] == '\n' || s[i] == '"')
			return n;
	}
	return n;
}

// The expansion of a value written in a variable back into words: a list
// splits at ';' (not inside a generator expression, not escaped), empty
// elements dropped.
static void split_list(cm_reader *cm, str_vec *out, const char *v)
{
	size_t start = 0, angle = 0, i = 0;
	for (;; i++) {
		char c = v[i];
		if (c == '$' && v[i + 1] == '<')
			angle++;
		else if (c == '>' && angle)
			angle--;
		if (c == '\0' || (c == ';' && !angle)) {
			if (i > start) {
				char *w = bh_arena_strndup(cm->scratch, v + start, i - start);
				for (char *p = w; *p; p++)
					if (*p == ESC_SEMI)
						*p = ';';
				bh_vec_push(out, w);
			}
			start = i + 1;
			if (c == '\0')
				break;
		}
	}
}

// The words of a command's arguments: bracket arguments as written,
// quoted ones expanded into one word, unquoted ones expanded and split.
// *tainted is set when a tainted variable was read.
static void eval_args(cm_reader *cm, const cm_file *f, const cm_cmd *cmd, str_vec *out,
		      bool *tainted)
{
	for (size_t k = 0; k < cmd->nargs; k++) {
		const cm_arg *a = &f->args.items[cmd->first + k];
		if (a->form == ARG_BRACKET) {
			bh_vec_push(out, bh_arena_strndup(cm->scratch, a->s, a->n));
			continue;
		}
		const char *v;
		if (!memchr(a->s, '$', a->n) && !memchr(a->s, '\\', a->n)) {
			v = bh_arena_strndup(cm->scratch, a->s, a->n);
		} else {
			buf b = { 0 };
			buf_add(cm, &b, "", 0);
			expand(cm, &b, a->s, a->n, true, 0, tainted);
			v = buf_take(cm, &b);
		}
		if (a->form == ARG_QUOTED) {
			char *w = bh_arena_strdup(cm->scratch, v);
			for (char *p = w; *p; p++)
				if (*p == ESC_SEMI)
					*p = ';';
			bh_vec_push(out, w);
		} else {
			split_list(cm, out, v);
		}
	}
}

// Words [from, to) joined with ';' as one value (heap).
static char *join_list(const str_vec *w, size_t from, size_t to)
{
	size_t n = 1;
	for (size_t i = from; i < to; i++)
		n += strlen(w->items[i]) + 1;
	char *s = bh_xmalloc(n);
	size_t len = 0;
	for (size_t i = from; i < to; i++) {
		size_t k = strlen(w->items[i]);
		if (len)
			s[len++] = ';';
		for (size_t j = 0; j < k; j++) // a ';' inside a word stays one element
			s[len++] = w->items[i][j] == ';' ? ESC_SEMI : w->items[i][j];
	}
	s[len] = '\0';
	return s;
}

// Store words [from, to) of `w` in `name`, marked tainted if `tainted`.
static void store_list(cm_reader *cm, cm_scope *sc, const char *name, const str_vec *w,
		       size_t from, size_t to, bool tainted)
{
	char *v = join_list(w, from, to);
	if (tainted) {
		size_t n = strlen(v);
		char *tv = bh_xmalloc(n + 2);
		tv[0] = TAINT;
		memcpy(tv + 1, v, n + 1);
		free(v);
		v = tv;
	}
	if (strlen(v) > MAX_VALUE) {
		cm->limited = true;
		set_var(cm, sc, name, "\x01");
	} else {
		set_var(cm, sc, name, v);
	}
	free(v);
}

// The words of a variable's value, and whether it is tainted.
static void list_of(cm_reader *cm, const char *name, str_vec *out, bool *tainted)
{
	split_list(cm, out, value_of(cm, name, false, tainted));
}

// Is `v` one of `words`, in any case? (Bulkhead never sets a locale:
// strcasecmp folds ASCII only.)
static bool one_of_any_case(const char *v, const char *const *words, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		if (strcasecmp(v, words[i]) == 0)
			return true;
	return false;
}

// Is a value one of CMake's true constants (ON, YES, TRUE, Y, a non-zero number)?
static bool is_true(const char *v)
{
	static const char *const yes[] = { "1", "on", "yes", "true", "y" };
	size_t n = strlen(v);
	return one_of_any_case(v, yes, BH_ARRAY_LEN(yes)) ||
	       (strspn(v, "0123456789") == n && strspn(v, "0") != n);
}

/* --------------------------------------------------------------- paths */

static bool file_exists(cm_reader *cm, const char *ctx_path)
{
	return bh_disc__file_listed(cm->files, cm->nfiles, &cm->file_set, ctx_path);
}

// A path of the source tree as CMake writes it (relative to `dir`, or led
// by SRC_ROOT) made context-relative and cleaned (scratch); NULL when it
// is absolute, in the build tree, unknown or leaves the context.
static const char *src_path(cm_reader *cm, const char *dir, const char *w)
{
	if (is_unknown(w) || strchr(w, BIN_ROOT) || strchr(w + 1, SRC_ROOT))
		return NULL;
	char *p = w[0] == SRC_ROOT ? bh_disc__make_ctx_path("", w[1] == '/' ? w + 2 : w + 1)
				   : bh_disc__make_ctx_path(dir, w);
	const char *out = p ? bh_arena_strdup(cm->scratch, p) : NULL;
	free(p);
	return out;
}

static const char *join_clean(cm_reader *cm, const char *dir, const char *p)
{
	return bh_disc__join_clean(cm->scratch, dir, p);
}

// file(GLOB[_RECURSE] ...) of one pattern: the matching context files,
// sorted, as SRC_ROOT paths or relative to `relative`; UNKNOWN when the
// files are not known.
static void glob(cm_reader *cm, const char *dir, const char *pattern, bool recurse,
		 const char *relative, str_vec *out)
{
	const char *p = src_path(cm, dir, pattern);
	if (!p || !cm->files) {
		if (!p && pattern[0] == '/' && !is_unknown(pattern))
			return; // outside the context: nothing of it is known to exist
		bh_vec_push(out, "\x01");
		return;
	}
	const char *star = strpbrk(p, "*?[");
	const char *rest = star ? star : p;
	while (rest > p && rest[-1] != '/')
		rest--;
	size_t ndir = rest > p ? (size_t)(rest - p - 1) : 0;
	cm->matches += cm->nfiles;
	if (cm->matches > MAX_MATCHES) {
		cm->limited = true;
		bh_vec_push(out, "\x01");
		return;
	}
	size_t from = out->len;
	for (size_t i = 0; i < cm->nfiles; i++) {
		const char *f = cm->files[i];
		if (!f || (ndir && (strncmp(f, p, ndir) != 0 || f[ndir] != '/')))
			continue;
		const char *tail = ndir ? f + ndir + 1 : f;
		if (fnmatch(rest, tail, recurse ? 0 : FNM_PATHNAME) != 0)
			continue;
		size_t nrel = relative ? strlen(relative) : 0;
		if (relative && nrel && (strncmp(f, relative, nrel) != 0 || f[nrel] != '/'))
			continue;
		bh_vec_push(out, relative ? bh_arena_strdup(cm->scratch, nrel ? f + nrel + 1 : f)
					  : bh_arena_sprintf(cm->scratch, "%c/%s", SRC_ROOT, f));
	}
	if (out->len > from) // (an empty vector has no items pointer to offset)
		qsort(out->items + from, out->len - from, sizeof(*out->items), bh_str_compare_ptrs); // as CMake
}

/* ------------------------------------------------------------- targets */

// The index of the target (or alias) `name`, or SIZE_MAX.
static size_t target_find(const cm_reader *cm, const char *name)
{
	const char *v = bh_strmap_get(&cm->names, name);
	return v ? (size_t)strtoull(v, NULL, 10) : SIZE_MAX;
}

static void name_target(cm_reader *cm, const char *name, size_t idx)
{
	char num[24];
	snprintf(num, sizeof(num), "%zu", idx);
	bh_strmap_put(&cm->names, name, num);
}

// The words of a flags string (CMAKE_C_FLAGS, COMPILE_FLAGS) that are
// options, appended to `out`.
static void add_flag_string(cm_reader *cm, str_vec *out, const char *v)
{
	while (*v) {
		while (*v == ' ' || *v == '\t' || *v == ';' || *v == '\n')
			v++;
		size_t n = strcspn(v, " \t;\n");
		if (n && v[0] == '-' && !memchr(v, UNKNOWN, n))
			bh_vec_push(out, bh_arena_strndup(cm->scratch, v, n));
		v += n;
	}
}

// The options among words [from, to) (definitions get "-D"), skipping
// the scope keywords and what an INTERFACE scope names (it applies to the
// targets that link this one, not to it).
static void add_options(cm_reader *cm, str_vec *out, const str_vec *w, size_t from, size_t to,
			bool definitions)
{
	bool skip = false;
	for (size_t i = from; i < to; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "PRIVATE") == 0 || strcmp(a, "PUBLIC") == 0 ||
		    strcmp(a, "INTERFACE") == 0 || strcmp(a, "BEFORE") == 0) {
			skip = strcmp(a, "INTERFACE") == 0;
			continue;
		}
		if (skip || is_unknown(a) || !a[0])
			continue;
		if (definitions)
			bh_vec_push(out, strncmp(a, "-D", 2) == 0 ? a
					 : bh_arena_sprintf(cm->scratch, "-D%s", a));
		else if (a[0] == '-')
			bh_vec_push(out, a);
	}
}

// The sources among words [from, to) of target `ti`, as written in the
// directory `dir`: only .c files the context has; a word nobody can know
// or a file of the build tree makes the target incomplete.
static void add_sources(cm_reader *cm, const char *dir, size_t ti, const str_vec *w, size_t from,
			size_t to, bool tainted)
{
	bh_disc__target *t = &cm->t.items.items[ti];
	t->incomplete |= tainted;
	for (size_t i = from; i < to; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "PRIVATE") == 0 || strcmp(a, "PUBLIC") == 0 ||
		    strcmp(a, "INTERFACE") == 0)
			continue;
		if (strcmp(a, "FILE_SET") == 0) // header sets from here on
			break;
		if (strncmp(a, "$<TARGET_OBJECTS:", 17) == 0 && bh_str_ends_with(a, ">") &&
		    !strchr(a + 17, '$') && !strchr(a + 17, UNKNOWN)) {
			const char *name = bh_arena_strndup(cm->scratch, a + 17, strlen(a) - 18);
			bh_vec_push(&cm->links, ((cm_link){ ti, name }));
			continue;
		}
		if (is_unknown(a)) {
			t->incomplete = true;
			continue;
		}
		if (!bh_str_ends_with(a, ".c"))
			continue;
		const char *p = src_path(cm, dir, a);
		if (!p)
			t->incomplete |= strchr(a, BIN_ROOT) != NULL; // generated in the build tree
		else if (file_exists(cm, p))
			bh_vec_push(&t->sources, p);
	}
}

// A scope's value of `name` as a list, with words [from, to) of `w`
// appended (the directory properties DIR_COPTS and DIR_LOPTS).
static void append_to_var(cm_reader *cm, const char *name, const str_vec *w, size_t from,
			  size_t to)
{
	str_vec all = { 0 };
	bool tainted = false;
	const char *v = raw_value(cm, name);
	if (v)
		list_of(cm, name, &all, &tainted);
	for (size_t i = from; i < to; i++)
		bh_vec_push(&all, w->items[i]);
	store_list(cm, cm->scope, name, &all, 0, all.len, tainted);
	bh_vec_dispose(&all);
}

// add_executable(name [WIN32] [MACOSX_BUNDLE] [EXCLUDE_FROM_ALL] sources...)
// add_library(name [STATIC|SHARED|MODULE|OBJECT|INTERFACE] [EXCLUDE_FROM_ALL] sources...)
// and their IMPORTED and ALIAS forms.
static void declare_target(cm_reader *cm, const cm_frame *fr, const cm_cmd *c, const str_vec *w,
			   bool tainted, bool executable)
{
	if (!w->len || is_unknown(w->items[0]) || !w->items[0][0])
		return;
	const char *name = w->items[0];
	bh_build_kind kind = executable ? BH_BUILD_EXECUTABLE : BH_BUILD_STATIC_LIB;
	bool typed = executable, imported = false, incomplete = false;
	size_t i = 1;
	for (; i < w->len; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "ALIAS") == 0) {
			size_t to = i + 1 < w->len ? target_find(cm, w->items[i + 1]) : SIZE_MAX;
			if (to != SIZE_MAX && target_find(cm, name) == SIZE_MAX)
				name_target(cm, name, to);
			return;
		}
		if (strcmp(a, "IMPORTED") == 0 || strcmp(a, "UNKNOWN") == 0)
			imported = true;
		else if (!executable && strcmp(a, "STATIC") == 0)
			kind = BH_BUILD_STATIC_LIB, typed = true;
		else if (!executable && (strcmp(a, "SHARED") == 0 || strcmp(a, "MODULE") == 0))
			kind = BH_BUILD_SHARED_LIB, typed = true;
		else if (!executable && (strcmp(a, "OBJECT") == 0 || strcmp(a, "INTERFACE") == 0))
			kind = BH_BUILD_OBJECT, typed = true;
		else if (strcmp(a, "WIN32") != 0 && strcmp(a, "MACOSX_BUNDLE") != 0 &&
			 strcmp(a, "EXCLUDE_FROM_ALL") != 0 && strcmp(a, "GLOBAL") != 0)
			break;
	}
	if (!typed) { // BUILD_SHARED_LIBS decides, as the library's type is not given
		bool shared_tainted = false;
		const char *v = "";
		if (raw_value(cm, "BUILD_SHARED_LIBS"))
			v = value_of(cm, "BUILD_SHARED_LIBS", false, &shared_tainted);
		incomplete = shared_tainted || strchr(v, UNKNOWN);
		kind = is_true(v) ? BH_BUILD_SHARED_LIB : BH_BUILD_STATIC_LIB;
	}
	size_t existing = target_find(cm, name);
	if (existing != SIZE_MAX) { // declared again (another branch): its sources may differ
		cm->t.items.items[existing].incomplete = true;
		return;
	}
	if (!bh_disc__target_add(&cm->t, name, c->line))
		return;
	size_t ti = cm->t.items.len - 1;
	name_target(cm, name, ti);
	cm_info *info = bh_vec_grow_one(&cm->info);
	bh_disc__target *t = &cm->t.items.items[ti];
	t->kind = kind;
	t->artifact = !imported && kind != BH_BUILD_OBJECT;
	t->incomplete = incomplete;
	info->src_dir = fr->src_dir;
	info->bin_dir = fr->bin_dir;
	info->imported = imported;
	static const char *const out_vars[] = {
		[BH_BUILD_EXECUTABLE] = "CMAKE_RUNTIME_OUTPUT_DIRECTORY",
		[BH_BUILD_SHARED_LIB] = "CMAKE_LIBRARY_OUTPUT_DIRECTORY",
		[BH_BUILD_STATIC_LIB] = "CMAKE_ARCHIVE_OUTPUT_DIRECTORY",
		[BH_BUILD_OBJECT] = "CMAKE_ARCHIVE_OUTPUT_DIRECTORY",
	};
	const char *od = raw_value(cm, out_vars[kind]);
	info->out_dir = od && od[0] && !strchr(od, UNKNOWN) && od[0] != TAINT ? od : NULL;
	if (info->out_dir)
		info->out_dir = bh_arena_strdup(cm->scratch, info->out_dir);
	bool ignored = false;
	add_flag_string(cm, &info->cflags, value_of(cm, "CMAKE_C_FLAGS", false, &ignored));
	str_vec dir = { 0 };
	list_of(cm, DIR_COPTS, &dir, &ignored);
	add_options(cm, &info->cflags, &dir, 0, dir.len, false);
	dir.len = 0;
	const char *link_var = kind == BH_BUILD_EXECUTABLE ? "CMAKE_EXE_LINKER_FLAGS"
			     : kind == BH_BUILD_SHARED_LIB ? "CMAKE_SHARED_LINKER_FLAGS" : NULL;
	if (link_var)
		add_flag_string(cm, &info->lflags, value_of(cm, link_var, false, &ignored));
	list_of(cm, DIR_LOPTS, &dir, &ignored);
	if (kind == BH_BUILD_EXECUTABLE || kind == BH_BUILD_SHARED_LIB)
		add_options(cm, &info->lflags, &dir, 0, dir.len, false);
	bh_vec_dispose(&dir);
	if (!imported)
		add_sources(cm, fr->src_dir, ti, w, i, w->len, tainted);
}

// target_link_libraries(target [PRIVATE|PUBLIC|INTERFACE] items...):
// libraries of the project are followed at the end, by name; options
// ("-lm", "-Wl,...") are link flags.
static void link_libraries(cm_reader *cm, size_t ti, const str_vec *w, bool tainted)
{
	static const char *const keywords[] = {
		"PRIVATE", "PUBLIC", "INTERFACE", "LINK_PRIVATE", "LINK_PUBLIC",
		"LINK_INTERFACE_LIBRARIES", "debug", "optimized", "general",
	};
	cm_info *info = &cm->info.items[ti];
	info->link_unknown |= tainted;
	for (size_t i = 1; i < w->len; i++) {
		const char *a = w->items[i];
		bool keyword = false;
		for (size_t k = 0; k < BH_ARRAY_LEN(keywords) && !keyword; k++)
			keyword = strcmp(a, keywords[k]) == 0;
		if (keyword || !a[0])
			continue;
		if (is_unknown(a))
			info->link_unknown = true;
		else if (a[0] == '-')
			bh_vec_push(&info->lflags, a);
		else
			bh_vec_push(&cm->links, ((cm_link){ ti, a }));
	}
}

// One property of set_target_properties() or set_property(TARGET).
static void target_property(cm_reader *cm, size_t ti, const char *key, const str_vec *w,
			    size_t from, size_t to)
{
	cm_info *info = &cm->info.items[ti];
	const char *v = from < to ? w->items[from] : "";
	bool known = from < to && !is_unknown(v);
	if (strcmp(key, "OUTPUT_NAME") == 0 && known && v[0])
		info->out_name = v;
	else if (strcmp(key, "PREFIX") == 0 && (known || from == to))
		info->prefix = v;
	else if (strcmp(key, "SUFFIX") == 0 && (known || from == to))
		info->suffix = v;
	else if (strcmp(key, "RUNTIME_OUTPUT_DIRECTORY") == 0 ||
		 strcmp(key, "LIBRARY_OUTPUT_DIRECTORY") == 0 ||
		 strcmp(key, "ARCHIVE_OUTPUT_DIRECTORY") == 0) {
		bh_build_kind kind = cm->t.items.items[ti].kind;
		bool applies = key[0] == 'R' ? kind == BH_BUILD_EXECUTABLE
			     : key[0] == 'L' ? kind == BH_BUILD_SHARED_LIB
					     : kind == BH_BUILD_STATIC_LIB;
		if (applies)
			info->out_dir = known && v[0] ? v : NULL;
	} else if (strcmp(key, "COMPILE_OPTIONS") == 0) {
		add_options(cm, &info->cflags, w, from, to, false);
	} else if (strcmp(key, "COMPILE_DEFINITIONS") == 0) {
		add_options(cm, &info->cflags, w, from, to, true);
	} else if (strcmp(key, "COMPILE_FLAGS") == 0) {
		for (size_t i = from; i < to; i++)
			add_flag_string(cm, &info->cflags, w->items[i]);
	} else if (strcmp(key, "LINK_OPTIONS") == 0) {
		add_options(cm, &info->lflags, w, from, to, false);
	} else if (strcmp(key, "LINK_FLAGS") == 0) {
		for (size_t i = from; i < to; i++)
			add_flag_string(cm, &info->lflags, w->items[i]);
	}
}

// set_target_properties(targets... PROPERTIES key value ...)
static void set_target_properties(cm_reader *cm, const str_vec *w)
{
	size_t props = 0;
	while (props < w->len && strcmp(w->items[props], "PROPERTIES") != 0)
		props++;
	for (size_t i = 0; i < props; i++) {
		size_t ti = target_find(cm, w->items[i]);
		for (size_t k = props + 1; ti != SIZE_MAX && k + 1 < w->len; k += 2)
			target_property(cm, ti, w->items[k], w, k + 1, k + 2);
	}
}

// set_property(TARGET targets... [APPEND|APPEND_STRING] PROPERTY name values...)
static void set_property(cm_reader *cm, const str_vec *w)
{
	if (!w->len || strcmp(w->items[0], "TARGET") != 0)
		return;
	size_t prop = 1;
	while (prop < w->len && strcmp(w->items[prop], "PROPERTY") != 0)
		prop++;
	if (prop + 1 >= w->len)
		return;
	for (size_t i = 1; i < prop; i++) {
		size_t ti = target_find(cm, w->items[i]);
		if (ti != SIZE_MAX && strcmp(w->items[i], "APPEND") != 0 &&
		    strcmp(w->items[i], "APPEND_STRING") != 0)
			target_property(cm, ti, w->items[prop + 1], w, prop + 2, w->len);
	}
}

// install(TARGETS targets... [EXPORT e] [RUNTIME|LIBRARY|ARCHIVE|...]
//         [DESTINATION dir] [...]...): destinations apply to the kind of
// artifact named before them, or to all when none was.
static void install_targets(cm_reader *cm, const str_vec *w)
{
	static const char *const keywords[] = {
		"EXPORT", "RUNTIME", "LIBRARY", "ARCHIVE", "OBJECTS", "FRAMEWORK", "BUNDLE",
		"PRIVATE_HEADER", "PUBLIC_HEADER", "RESOURCE", "FILE_SET", "CXX_MODULES_BMI",
		"DESTINATION", "PERMISSIONS", "CONFIGURATIONS", "COMPONENT", "NAMELINK_COMPONENT",
		"OPTIONAL", "EXCLUDE_FROM_ALL", "NAMELINK_ONLY", "NAMELINK_SKIP", "INCLUDES",
		"RUNTIME_DEPENDENCIES", "RUNTIME_DEPENDENCY_SET",
	};
	if (!w->len || strcmp(w->items[0], "TARGETS") != 0)
		return;
	size_t i = 1, first = 1;
	for (; i < w->len; i++) {
		bool keyword = false;
		for (size_t k = 0; k < BH_ARRAY_LEN(keywords) && !keyword; k++)
			keyword = strcmp(w->items[i], keywords[k]) == 0;
		if (keyword)
			break;
	}
	size_t last = i;
	const char *dest[3] = { NULL, NULL, NULL };
	bool unknown[3] = { false, false, false };
	int group = -1; // -1 all kinds, 0 RUNTIME, 1 LIBRARY, 2 ARCHIVE, 3 anything else
	for (; i < w->len; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "RUNTIME") == 0)
			group = 0;
		else if (strcmp(a, "LIBRARY") == 0)
			group = 1;
		else if (strcmp(a, "ARCHIVE") == 0)
			group = 2;
		else if (strcmp(a, "OBJECTS") == 0 || strcmp(a, "FRAMEWORK") == 0 ||
			 strcmp(a, "BUNDLE") == 0 || strcmp(a, "PRIVATE_HEADER") == 0 ||
			 strcmp(a, "PUBLIC_HEADER") == 0 || strcmp(a, "RESOURCE") == 0 ||
			 strcmp(a, "FILE_SET") == 0 || strcmp(a, "INCLUDES") == 0 ||
			 strcmp(a, "CXX_MODULES_BMI") == 0)
			group = 3;
		else if (strcmp(a, "DESTINATION") == 0 && i + 1 < w->len) {
			const char *d = w->items[++i];
			for (int g = 0; g < 3; g++) {
				if (group != g && (group != -1 || dest[g]))
					continue;
				dest[g] = d;
				unknown[g] = is_unknown(d) || strchr(d, SRC_ROOT) ||
					     strchr(d, BIN_ROOT);
			}
		}
	}
	static const char *const dirs[3] = { "CMAKE_INSTALL_BINDIR", "CMAKE_INSTALL_LIBDIR",
					     "CMAKE_INSTALL_LIBDIR" };
	for (int g = 0; g < 3; g++) { // CMake's defaults since 3.14
		if (dest[g])
			continue;
		const char *v = raw_value(cm, dirs[g]);
		dest[g] = v && v[0] != TAINT ? v : g == 0 ? "bin" : "lib";
		unknown[g] = is_unknown(dest[g]);
	}
	for (size_t k = first; k < last; k++) {
		if (is_unknown(w->items[k]))
			continue;
		cm_install *in = bh_vec_grow_one(&cm->installs);
		in->name = w->items[k];
		for (int g = 0; g < 3; g++) {
			in->dest[g] = bh_arena_strdup(cm->scratch, dest[g]);
			in->unknown[g] = unknown[g];
		}
	}
}

/* --------------------------------------------------------- assignments */

// set(name values... [PARENT_SCOPE]) and set(name values... CACHE type doc [FORCE])
static void run_set(cm_reader *cm, const str_vec *w, bool tainted)
{
	const char *name = w->items[0];
	if (is_unknown(name) || strncmp(name, "ENV{", 4) == 0)
		return;
	size_t end = w->len;
	cm_scope *sc = cm->scope;
	if (end > 1 && strcmp(w->items[end - 1], "PARENT_SCOPE") == 0) {
		end--;
		if (!sc->parent)
			return;
		sc = sc->parent;
	}
	for (size_t i = 1; i < end; i++) {
		if (strcmp(w->items[i], "CACHE") != 0)
			continue;
		bool force = strcmp(w->items[end - 1], "FORCE") == 0;
		if (!force && bh_strmap_get(&cm->cache, name))
			return;
		char *v = join_list(w, 1, i);
		bh_strmap_put(&cm->cache, name, tainted ? "\x06\x01" : v);
		free(v);
		return;
	}
	if (end == 1)
		set_var(cm, sc, name, UNSET);
	else
		store_list(cm, sc, name, w, 1, end, tainted);
}

// list(APPEND|PREPEND|REMOVE_ITEM|REMOVE_DUPLICATES var items...); the
// other subcommands leave their variable unknown.
static void run_list(cm_reader *cm, const str_vec *w, bool tainted)
{
	if (w->len < 2)
		return;
	const char *op = w->items[0], *name = w->items[1];
	bool append = strcmp(op, "APPEND") == 0, prepend = strcmp(op, "PREPEND") == 0;
	bool remove = strcmp(op, "REMOVE_ITEM") == 0, dups = strcmp(op, "REMOVE_DUPLICATES") == 0;
	if (!append && !prepend && !remove && !dups) {
		for (size_t i = 1; i < w->len; i++)
			if (is_identifier(w->items[i]))
				set_var(cm, cm->scope, w->items[i], "\x01");
		return;
	}
	str_vec cur = { 0 }, out = { 0 };
	bool was_tainted = false;
	list_of(cm, name, &cur, &was_tainted);
	if (!raw_value(cm, name))
		cur.len = 0; // never set: an empty list, not an unknown one
	if (prepend)
		for (size_t i = 2; i < w->len; i++)
			bh_vec_push(&out, w->items[i]);
	bh_strset seen = { 0 };
	for (size_t i = 0; i < cur.len; i++) {
		bool drop = dups && !bh_strset_insert(&seen, cur.items[i]);
		for (size_t k = 2; remove && k < w->len && !drop; k++)
			drop = strcmp(cur.items[i], w->items[k]) == 0;
		if (!drop)
			bh_vec_push(&out, cur.items[i]);
	}
	bh_strset_dispose(&seen);
	if (append)
		for (size_t i = 2; i < w->len; i++)
			bh_vec_push(&out, w->items[i]);
	store_list(cm, cm->scope, name, &out, 0, out.len, tainted || was_tainted);
	bh_vec_dispose(&cur);
	bh_vec_dispose(&out);
}

// file(GLOB|GLOB_RECURSE var [LIST_DIRECTORIES b] [RELATIVE path]
//      [CONFIGURE_DEPENDS] [FOLLOW_SYMLINKS] patterns...); the other
// subcommands leave the variables they may write unknown.
static void run_file(cm_reader *cm, const cm_frame *fr, const str_vec *w, bool tainted)
{
	if (w->len < 2)
		return;
	bool recurse = strcmp(w->items[0], "GLOB_RECURSE") == 0;
	if (!recurse && strcmp(w->items[0], "GLOB") != 0) {
		for (size_t i = 1; i < w->len; i++)
			if (is_identifier(w->items[i]) && raw_value(cm, w->items[i]))
				set_var(cm, cm->scope, w->items[i], "\x01");
		return;
	}
	const char *relative = NULL;
	str_vec out = { 0 };
	for (size_t i = 2; i < w->len; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "LIST_DIRECTORIES") == 0) {
			i++;
		} else if (strcmp(a, "RELATIVE") == 0 && i + 1 < w->len) {
			relative = src_path(cm, fr->src_dir, w->items[++i]);
			if (!relative)
				bh_vec_push(&out, "\x01");
		} else if (strcmp(a, "CONFIGURE_DEPENDS") != 0 &&
			   strcmp(a, "FOLLOW_SYMLINKS") != 0) {
			glob(cm, fr->src_dir, a, recurse, relative, &out);
		}
	}
	store_list(cm, cm->scope, w->items[1], &out, 0, out.len, tainted);
	bh_vec_dispose(&out);
}

// aux_source_directory(dir var): appends the C sources found in `dir`.
static void run_aux_source_directory(cm_reader *cm, const cm_frame *fr, const str_vec *w,
				     bool tainted)
{
	if (w->len < 2)
		return;
	const char *dir = src_path(cm, fr->src_dir, w->items[0]);
	str_vec found = { 0 };
	if (!dir || !cm->files) {
		bh_vec_push(&found, "\x01");
	} else {
		const char *pattern = dir[0]
			? bh_arena_sprintf(cm->scratch, "%c/%s/*.c", SRC_ROOT, dir)
			: bh_arena_sprintf(cm->scratch, "%c/*.c", SRC_ROOT);
		glob(cm, "", pattern, false, NULL, &found);
	}
	str_vec add = { 0 };
	for (size_t i = 0; i < found.len; i++)
		bh_vec_push(&add, found.items[i]);
	bh_vec_dispose(&found);
	str_vec words = { 0 };
	bh_vec_push(&words, "APPEND");
	bh_vec_push(&words, w->items[1]);
	for (size_t i = 0; i < add.len; i++)
		bh_vec_push(&words, add.items[i]);
	run_list(cm, &words, tainted);
	bh_vec_dispose(&words);
	bh_vec_dispose(&add);
}

// The path CMake writes for context directory `dir` (SRC_ROOT-led, scratch).
static const char *src_root_path(cm_reader *cm, const char *dir)
{
	return dir[0] ? bh_arena_sprintf(cm->scratch, "%c/%s", SRC_ROOT, dir)
		      : bh_arena_sprintf(cm->scratch, "%c", SRC_ROOT);
}

static const char *bin_root_path(cm_reader *cm, const char *dir)
{
	return dir[0] == '/' ? dir
	     : dir[0] ? bh_arena_sprintf(cm->scratch, "%c/%s", BIN_ROOT, dir)
		      : bh_arena_sprintf(cm->scratch, "%c", BIN_ROOT);
}

// project(name ...)
static void run_project(cm_reader *cm, const cm_frame *fr, const str_vec *w)
{
	if (!w->len || is_unknown(w->items[0]))
		return;
	const char *name = w->items[0];
	const char *src = src_root_path(cm, fr->src_dir), *bin = bin_root_path(cm, fr->bin_dir);
	set_var(cm, cm->scope, "PROJECT_NAME", name);
	set_var(cm, cm->scope, "PROJECT_SOURCE_DIR", src);
	set_var(cm, cm->scope, "PROJECT_BINARY_DIR", bin);
	set_var(cm, cm->scope, bh_arena_sprintf(cm->scratch, "%s_SOURCE_DIR", name), src);
	set_var(cm, cm->scope, bh_arena_sprintf(cm->scratch, "%s_BINARY_DIR", name), bin);
	if (!raw_value(cm, "CMAKE_PROJECT_NAME"))
		set_var(cm, cm->scope, "CMAKE_PROJECT_NAME", name);
	// VERSION x[.y[.z[.t]]]: PROJECT_VERSION and its parts, as <name>_VERSION*
	// too (a version header's @PROJECT_VERSION@).
	for (size_t i = 1; i + 1 < w->len; i++) {
		if (strcmp(w->items[i], "VERSION") != 0 || is_unknown(w->items[i + 1]))
			continue;
		static const char *const parts[] = { "", "_MAJOR", "_MINOR", "_PATCH", "_TWEAK" };
		const char *v = w->items[i + 1];
		for (size_t k = 0; k < BH_ARRAY_LEN(parts); k++) {
			const char *value = v;
			if (k > 0) {
				const char *p = v;
				for (size_t dot = 1; dot < k && p; dot++)
					p = strchr(p, '.') ? strchr(p, '.') + 1 : NULL;
				value = p ? bh_arena_strndup(cm->scratch, p, strcspn(p, ".")) : "";
			}
			set_var(cm, cm->scope, bh_arena_sprintf(cm->scratch, "PROJECT_VERSION%s", parts[k]), value);
			set_var(cm, cm->scope, bh_arena_sprintf(cm->scratch, "%s_VERSION%s", name, parts[k]), value);
		}
		break;
	}
}

// include(GNUInstallDirs): the CMAKE_INSTALL_<dir> cache entries (a -D
// wins) and their CMAKE_INSTALL_FULL_<dir> forms.
static void gnu_install_dirs(cm_reader *cm)
{
	static const char *const dirs[][2] = {
		{ "BINDIR", "bin" },          { "SBINDIR", "sbin" },
		{ "LIBEXECDIR", "libexec" },  { "LIBDIR", "lib" },
		{ "INCLUDEDIR", "include" },  { "DATAROOTDIR", "share" },
		{ "DATADIR", "share" },       { "SYSCONFDIR", "etc" },
		{ "LOCALSTATEDIR", "var" },   { "RUNSTATEDIR", "var/run" },
		{ "MANDIR", "share/man" },    { "DOCDIR", "share/doc" },
	};
	bool ignored = false;
	const char *prefix = value_of(cm, "CMAKE_INSTALL_PREFIX", false, &ignored);
	for (size_t i = 0; i < BH_ARRAY_LEN(dirs); i++) {
		const char *name = bh_arena_sprintf(cm->scratch, "CMAKE_INSTALL_%s", dirs[i][0]);
		if (!bh_strmap_get(&cm->cache, name))
			bh_strmap_put(&cm->cache, name, dirs[i][1]);
		const char *v = value_of(cm, name, false, &ignored);
		const char *full = v[0] == '/' || strchr(v, UNKNOWN) ? v
				 : bh_arena_sprintf(cm->scratch, "%s/%s", prefix, v);
		const char *full_name = bh_arena_sprintf(cm->scratch, "CMAKE_INSTALL_FULL_%s",
							 dirs[i][0]);
		set_var(cm, cm->scope, full_name, full);
	}
}

/* ---------------------------------------------------------------- files */

static void run_commands(cm_reader *cm, const cm_file *f, cm_frame *fr);
static void run_text(cm_reader *cm, const char *path, const char *text, size_t len,
		     cm_frame *fr);

// Run the file at context path `path` in frame `fr` (its directories and
// conditional depth). False when it cannot be read; a cycle or a bound
// reached is a limit.
static bool run_path(cm_reader *cm, const char *path, cm_frame *fr)
{
	for (size_t i = 0; i < cm->stack.len; i++) {
		if (strcmp(cm->stack.items[i], path) == 0) {
			cm->limited = true;
			return true;
		}
	}
	if (!cm->read)
		return false;
	if (cm->stack.len >= MAX_DEPTH || cm->nread >= MAX_FILES) {
		cm->limited = true;
		return true;
	}
	const char *text = NULL;
	size_t len = 0;
	if (!cm->read(path, &text, &len, cm->payload))
		return false;
	cm->nread++;
	run_text(cm, path, text, len, fr);
	return true;
}

// Run the text of the file at context path `path` in frame `fr`.
static void run_text(cm_reader *cm, const char *path, const char *text, size_t len, cm_frame *fr)
{
	bh_vec_push(&cm->stack, path);
	cm_file f = { 0 };
	f.text = bh_xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) { // control bytes (markers included) read as blanks
		unsigned char c = (unsigned char)text[i];
		f.text[i] = c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : (char)c;
	}
	f.text[len] = '\0';
	f.len = len;
	if (!tokenize(&f, &cm->budget))
		cm->limited = true;
	fr->path = path;
	run_commands(cm, &f, fr);
	file_dispose(&f);
	cm->stack.len--;
}

// The directory part of a context path ("" for a file at the root), scratch.
static const char *dir_of(cm_reader *cm, const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? bh_arena_strndup(cm->scratch, path, (size_t)(slash - path)) : "";
}

// A cleaned relative path with "." made "".
static const char *no_dot(const char *p)
{
	return strcmp(p, ".") == 0 ? "" : p;
}

// add_subdirectory(source [binary] [EXCLUDE_FROM_ALL] [SYSTEM]): its
// CMakeLists.txt runs in a child scope, its relative paths from its own
// directory.
static void run_subdirectory(cm_reader *cm, const cm_frame *fr, const str_vec *w)
{
	if (!w->len)
		return;
	const char *src = src_path(cm, fr->src_dir, w->items[0]);
	if (!src) {
		cm->missed = true;
		return;
	}
	size_t nd = strlen(fr->src_dir);
	const char *rel = NULL;
	if (!nd)
		rel = src;
	else if (strncmp(src, fr->src_dir, nd) == 0 && src[nd] == '/')
		rel = src + nd + 1;
	const char *bin = rel ? no_dot(join_clean(cm, fr->bin_dir, rel[0] ? rel : ".")) : src;
	if (w->len > 1 && strcmp(w->items[1], "EXCLUDE_FROM_ALL") != 0 &&
	    strcmp(w->items[1], "SYSTEM") != 0 && !is_unknown(w->items[1]) &&
	    !strchr(w->items[1], SRC_ROOT)) {
		const char *b = w->items[1];
		if (b[0] == BIN_ROOT)
			bin = no_dot(join_clean(cm, "", b[1] == '/' ? b + 2 : b[1] ? b + 1 : "."));
		else
			bin = no_dot(join_clean(cm, fr->bin_dir, b));
	}
	cm_frame child = { .src_dir = src, .bin_dir = bin };
	cm_scope *sc = bh_xcalloc(1, sizeof(*sc));
	sc->parent = cm->scope;
	cm->scope = sc;
	set_var(cm, sc, "CMAKE_CURRENT_SOURCE_DIR", src_root_path(cm, src));
	set_var(cm, sc, "CMAKE_CURRENT_LIST_DIR", src_root_path(cm, src));
	set_var(cm, sc, "CMAKE_CURRENT_BINARY_DIR", bin_root_path(cm, bin));
	const char *path = src[0] ? bh_arena_sprintf(cm->scratch, "%s/CMakeLists.txt", src)
				  : "CMakeLists.txt";
	if (!run_path(cm, path, &child))
		cm->missed = true;
	cm->scope = sc->parent;
	bh_strmap_dispose(&sc->vars);
	free(sc);
}

// Modules that come with CMake: including them defines commands and
// variables of no concern here (GNUInstallDirs is read on its own).
static bool is_cmake_module(const char *name)
{
	static const char *const prefixes[] = { "Check", "Find", "CMake", "CPack", "CTest",
						"Test" };
	static const char *const names[] = {
		"FetchContent", "ExternalProject", "GenerateExportHeader", "FeatureSummary",
		"ProcessorCount", "GoogleTest", "InstallRequiredSystemLibraries", "BundleUtilities",
		"SelectLibraryConfigurations", "Dart", "Documentation", "UseSWIG",
		"FortranCInterface",
		"WriteBasicConfigVersionFile", "GetPrerequisites", "AddFileDependencies",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(prefixes); i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

// include(file | module [OPTIONAL] [RESULT_VARIABLE v] [NO_POLICY_SCOPE]):
// a file of the context runs in the current scope and directory (as in
// CMake, its relative paths are those of the including directory); a
// module is looked for in CMAKE_MODULE_PATH.
static void run_include(cm_reader *cm, cm_frame *fr, const str_vec *w)
{
	if (!w->len)
		return;
	const char *x = w->items[0];
	if (is_unknown(x)) {
		cm->missed = true;
		return;
	}
	if (strcmp(x, "GNUInstallDirs") == 0) {
		gnu_install_dirs(cm);
		return;
	}
	str_vec candidates = { 0 };
	if (strchr(x, '/') || bh_str_ends_with(x, ".cmake")) {
		bh_vec_push(&candidates, x);
	} else {
		str_vec dirs = { 0 };
		bool ignored = false;
		if (raw_value(cm, "CMAKE_MODULE_PATH"))
			list_of(cm, "CMAKE_MODULE_PATH", &dirs, &ignored);
		for (size_t i = 0; i < dirs.len; i++)
			bh_vec_push(&candidates, bh_arena_sprintf(cm->scratch, "%s/%s.cmake",
								  dirs.items[i], x));
		bh_vec_dispose(&dirs);
	}
	bool ran = false;
	for (size_t i = 0; i < candidates.len && !ran; i++) {
		const char *p = src_path(cm, fr->src_dir, candidates.items[i]);
		if (!p || (cm->files && !file_exists(cm, p)))
			continue;
		cm_frame inc = *fr;
		inc.stop = false;
		set_var(cm, cm->scope, "CMAKE_CURRENT_LIST_DIR", src_root_path(cm, dir_of(cm, p)));
		ran = run_path(cm, p, &inc);
		set_var(cm, cm->scope, "CMAKE_CURRENT_LIST_DIR",
			src_root_path(cm, dir_of(cm, fr->path)));
	}
	bh_vec_dispose(&candidates);
	if (!ran && (strchr(x, '/') || bh_str_ends_with(x, ".cmake") || !is_cmake_module(x)))
		cm->missed = true;
}

/* ------------------------------------------------------------- commands */

// The command that ends the block opened at cmds[i] (the matching
// `close`), or the last command when it never closes.
static size_t block_end(const cm_file *f, size_t i, const char *open, const char *close)
{
	size_t depth = 0;
	for (size_t k = i; k < f->cmds.len; k++) {
		if (strcmp(f->cmds.items[k].name, open) == 0)
			depth++;
		else if (strcmp(f->cmds.items[k].name, close) == 0 && --depth == 0)
			return k;
	}
	return f->cmds.len - 1;
}

// The words of cmds[from..to] that may name a variable they set: every
// identifier among the arguments as written (not expanded), ';'-joined
// (heap).
static char *body_names(const cm_file *f, size_t from, size_t to)
{
	buf b = { 0 };
	for (size_t k = from; k <= to; k++) {
		const cm_cmd *c = &f->cmds.items[k];
		for (size_t a = 0; a < c->nargs; a++) {
			const cm_arg *arg = &f->args.items[c->first + a];
			if (arg->form == ARG_BRACKET || !arg->n || !is_ident_start(arg->s[0]) ||
			    arg->n > 256)
				continue;
			size_t n = 1;
			while (n < arg->n && is_ident_char(arg->s[n]))
				n++;
			if (n != arg->n)
				continue;
			// Not counted as work: the bytes are those of the file.
			size_t need = b.len + n + 2;
			if (need > b.cap) {
				b.cap = need * 2;
				b.s = bh_xrealloc(b.s, b.cap);
			}
			if (b.len)
				b.s[b.len++] = ';';
			memcpy(b.s + b.len, arg->s, n);
			b.len += n;
			b.s[b.len] = '\0';
		}
	}
	return b.s ? b.s : bh_xstrdup("");
}

static void taint_names(cm_reader *cm, const char *names)
{
	while (*names) {
		size_t n = strcspn(names, ";");
		char *name = bh_xstrndup(names, n);
		taint_var(cm, name);
		free(name);
		names += n + (names[n] == ';');
	}
}

// foreach/while/function/macro at cmds[i]: the body is skipped. A loop
// may set the variables its body names: they are tainted now. A function
// or macro taints them when it is called. Returns the end of the block.
static size_t skip_block(cm_reader *cm, const cm_file *f, size_t i)
{
	const cm_cmd *c = &f->cmds.items[i];
	char close[48];
	snprintf(close, sizeof(close), "end%s", c->name);
	size_t end = block_end(f, i, c->name, close);
	char *names = body_names(f, i, end);
	if (strcmp(c->name, "function") == 0 || strcmp(c->name, "macro") == 0) {
		const cm_arg *a = c->nargs ? &f->args.items[c->first] : NULL;
		if (a && a->n && a->n < 64) {
			char name[64];
			for (size_t k = 0; k < a->n; k++) {
				char ch = a->s[k];
				name[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
			}
			name[a->n] = '\0';
			bh_strmap_put(&cm->user_cmds, name, names);
		}
	} else {
		taint_names(cm, names);
	}
	free(names);
	return end;
}

typedef enum {
	CMD_OTHER,     // a command we do not know: may set the variables it names
	CMD_HARMLESS,  // changes nothing we read
	CMD_COMPUTE,   // computes variables we cannot: those it names become unknown
} cmd_class;

static cmd_class classify(const char *name)
{
	static const char *const harmless[] = {
		"cmake_minimum_required", "cmake_policy", "message", "enable_language",
		"enable_testing", "add_test", "include_directories", "target_include_directories",
		"link_directories", "target_link_directories", "add_dependencies",
		"add_custom_target", "add_custom_command", "set_source_files_properties",
		"set_directory_properties", "source_group", "mark_as_advanced", "export",
		"target_compile_features", "target_precompile_headers", "include_guard",
		"configure_file", "break", "continue", "find_package", "link_libraries",
		"set_tests_properties", "install", "block", "endblock", "cmake_language",
	};
	static const char *const compute[] = {
		"string", "math", "get_filename_component", "cmake_path", "get_property",
		"get_target_property", "get_directory_property", "get_source_file_property",
		"get_cmake_property", "get_test_property", "find_file", "find_library", "find_path",
		"find_program", "execute_process", "separate_arguments", "cmake_parse_arguments",
		"try_compile", "try_run", "site_name", "cmake_host_system_information",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(harmless); i++)
		if (strcmp(name, harmless[i]) == 0)
			return CMD_HARMLESS;
	for (size_t i = 0; i < BH_ARRAY_LEN(compute); i++)
		if (strcmp(name, compute[i]) == 0)
			return CMD_COMPUTE;
	return CMD_OTHER;
}

// Is the command one of the assignments that a branch skips?
static bool is_assignment(const char *name)
{
	static const char *const names[] = { "set", "unset", "option", "list", "file",
					     "aux_source_directory" };
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

// Commands that add flags: a branch skips them (as the Makefile reader
// skips CFLAGS assignments inside conditionals).
static bool is_flag_command(const char *name)
{
	static const char *const names[] = {
		"add_compile_options", "add_compile_definitions", "add_definitions",
		"add_link_options", "target_compile_options", "target_compile_definitions",
		"target_link_options", "set_target_properties", "set_property",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

// A command we do not read (a user function, a macro, one of another
// file): the variables its arguments name may change.
static void run_unknown(cm_reader *cm, const char *name, const str_vec *w, cmd_class cls)
{
	const char *body = bh_strmap_get(&cm->user_cmds, name);
	if (body)
		taint_names(cm, body);
	for (size_t i = 0; i < w->len; i++) {
		const char *a = w->items[i];
		if (!is_identifier(a))
			continue;
		if (cls == CMD_COMPUTE)
			set_var(cm, cm->scope, a, "\x01");
		else if (raw_value(cm, a))
			taint_var(cm, a);
	}
}

/* ------------------------------------------- checks and configure_file */
/*
 * Only for bh_cmake_config_headers. A check_*() module command is answered
 * by the host (bh_disc_host) as CMake would find it on this machine, never
 * by compiling: check_include_file(s), check_function_exists,
 * check_symbol_exists, check_library_exists, check_type_size. Its result
 * is set even inside an if() block: whichever branch runs, the host's
 * answer is the same. Checks that need a compiler (check_c_source_compiles
 * ...) stay unset, false. configure_file() writes its output, in memory,
 * from the template with the values in effect at that point.
 */

// `v` without the markers of the reader: a path of the source or build
// tree under the context's directory (the build tree taken in the source
// tree), NULL when unknown. Scratch.
static const char *plain_value(cm_reader *cm, const char *v)
{
	if (!v)
		return NULL;
	buf b = { 0 };
	for (const char *p = v; *p; p++) {
		if (*p == UNKNOWN) {
			free(b.s);
			return NULL;
		}
		if (*p == TAINT && p == v)
			continue;
		if (*p == SRC_ROOT || *p == BIN_ROOT) {
			const char *top = *p == SRC_ROOT || !cm->top_dir[0] ? cm->root
					: bh_arena_sprintf(cm->scratch, "%s/%s", cm->root, cm->top_dir);
			buf_add(cm, &b, top, strlen(top));
		} else if (*p == ESC_SEMI) {
			buf_addc(cm, &b, ';');
		} else if ((unsigned char)*p >= 0x20 || *p == '\t') {
			buf_addc(cm, &b, *p);
		}
	}
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	return b.s ? buf_take(cm, &b) : "";
}

static void set_check(cm_reader *cm, const char *var, bool found)
{
	if (is_identifier(var))
		bh_strmap_put(&cm->cache, var, found ? "1" : "");
}

// The AS_TR_CPP spelling of a C type ("unsigned long", "void *"), scratch.
static const char *type_key(cm_reader *cm, const char *type)
{
	char *k = bh_arena_strdup(cm->scratch, type);
	size_t n = 0;
	for (const char *p = type; *p; p++) {
		char c = *p;
		if (c == '*')
			c = 'P';
		else if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			c = '_';
		if (c == '_' && (n == 0 || k[n - 1] == '_'))
			continue;
		k[n++] = c;
	}
	while (n && k[n - 1] == '_')
		n--;
	k[n] = '\0';
	return k;
}

// Whether each ';'-separated name of `list` passes `ask`.
static bool all_of(cm_reader *cm, const char *list, bool (*ask)(void *, const char *))
{
	str_vec names = { 0 };
	split_list(cm, &names, list);
	bool ok = names.len > 0;
	for (size_t i = 0; ok && i < names.len; i++)
		ok = !is_unknown(names.items[i]) && ask(cm->host->payload, names.items[i]);
	bh_vec_dispose(&names);
	return ok;
}

static bool run_check(cm_reader *cm, const char *nm, const str_vec *w)
{
	const bh_disc_host *h = cm->host;
	if ((strcmp(nm, "check_include_file") == 0 || strcmp(nm, "check_include_files") == 0) &&
	    w->len >= 2) {
		set_check(cm, w->items[1], all_of(cm, w->items[0], h->has_header));
	} else if (strcmp(nm, "check_function_exists") == 0 && w->len >= 2) {
		set_check(cm, w->items[1], !is_unknown(w->items[0]) && h->has_function(h->payload, w->items[0]));
	} else if (strcmp(nm, "check_symbol_exists") == 0 && w->len >= 3) {
		set_check(cm, w->items[2], !is_unknown(w->items[0]) && all_of(cm, w->items[1], h->has_header) &&
						   h->has_function(h->payload, w->items[0]));
	} else if (strcmp(nm, "check_library_exists") == 0 && w->len >= 4) {
		set_check(cm, w->items[3], !is_unknown(w->items[0]) && h->has_library(h->payload, w->items[0]));
	} else if (strcmp(nm, "check_type_size") == 0 && w->len >= 2 && is_identifier(w->items[1])) {
		size_t size = 0;
		bool known = !is_unknown(w->items[0]) && bh_disc__type_size(type_key(cm, w->items[0]), &size);
		bh_strmap_put(&cm->cache, w->items[1], known ? bh_arena_sprintf(cm->scratch, "%zu", size) : "");
		set_check(cm, bh_arena_sprintf(cm->scratch, "HAVE_%s", w->items[1]), known);
	} else {
		return false;
	}
	return true;
}

// A value of the template's: the variable's, "" when unset or unknown.
static const char *template_value(cm_reader *cm, const char *name)
{
	const char *v = plain_value(cm, raw_value(cm, name));
	return v ? v : "";
}

// Is a value true for #cmakedefine: not empty, 0, OFF, NO, FALSE, N,
// IGNORE, NOTFOUND or *-NOTFOUND.
static bool cmake_true(const char *v)
{
	static const char *const no[] = { "", "0", "off", "no", "false", "n", "ignore", "notfound" };
	size_t n = strlen(v);
	return !(n >= 9 && strcmp(v + n - 9, "-NOTFOUND") == 0) && !one_of_any_case(v, no, BH_ARRAY_LEN(no));
}

// `line` with @VAR@ (and ${VAR} unless `at_only`) replaced, into `out`.
static void substitute(cm_reader *cm, buf *out, const char *line, size_t n, bool at_only)
{
	for (size_t i = 0; i < n;) {
		size_t start = 0, end = 0, skip = 0;
		if (line[i] == '@') {
			start = i + 1;
			end = start;
			while (end < n && (is_ident_char(line[end]) || line[end] == '-'))
				end++;
			skip = end < n && line[end] == '@' && end > start ? 1 : 0;
		} else if (!at_only && line[i] == '$' && i + 1 < n && line[i + 1] == '{') {
			start = i + 2;
			end = start;
			while (end < n && (is_ident_char(line[end]) || line[end] == '-'))
				end++;
			skip = end < n && line[end] == '}' && end > start ? 1 : 0;
		}
		if (!skip) {
			buf_addc(cm, out, line[i++]);
			continue;
		}
		char *name = bh_xstrndup(line + start, end - start);
		const char *v = template_value(cm, name);
		free(name);
		buf_add(cm, out, v, strlen(v));
		i = end + 1;
	}
}

// `#cmakedefine NAME rest` / `#cmakedefine01 NAME` at `line`: NAME's span
// and where the rest starts; 0 when the line is neither, 1 for
// #cmakedefine, 2 for #cmakedefine01.
static int cmakedefine_line(const char *line, size_t n, size_t *name, size_t *name_end)
{
	size_t i = 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i >= n || line[i++] != '#')
		return 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	int kind = n - i >= 14 && memcmp(line + i, "cmakedefine01", 13) == 0 ? 2
		 : n - i >= 12 && memcmp(line + i, "cmakedefine", 11) == 0 ? 1 : 0;
	if (!kind)
		return 0;
	i += kind == 2 ? 13 : 11;
	if (i >= n || (line[i] != ' ' && line[i] != '\t'))
		return 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	*name = i;
	while (i < n && is_ident_char(line[i]))
		i++;
	*name_end = i;
	return i > *name ? kind : 0;
}

// The text configure_file() writes from template `t` (`len` bytes).
static const char *configured_text(cm_reader *cm, const char *t, size_t len, bool at_only,
				   size_t *out_len, size_t *ndefined)
{
	buf out = { 0 };
	*ndefined = 0;
	for (size_t at = 0; at < len;) {
		const char *line = t + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t n = nl ? (size_t)(nl - line) : len - at;
		at += n + (nl != NULL);
		size_t name, name_end;
		int kind = cmakedefine_line(line, n, &name, &name_end);
		if (kind) {
			char *var = bh_xstrndup(line + name, name_end - name);
			bool on = cmake_true(template_value(cm, var));
			buf_add(cm, &out, kind == 2 || on ? "#define " : "/* #undef ", kind == 2 || on ? 8 : 10);
			buf_add(cm, &out, var, strlen(var));
			free(var);
			if (kind == 2)
				buf_add(cm, &out, on ? " 1" : " 0", 2);
			else if (on)
				substitute(cm, &out, line + name_end, n - name_end, at_only);
			else
				buf_add(cm, &out, " */", 3);
			*ndefined += on;
		} else {
			substitute(cm, &out, line, n, at_only);
		}
		buf_addc(cm, &out, '\n');
	}
	const char *text = out.failed ? NULL : bh_arena_strndup(cm->out_arena, out.s ? out.s : "", out.len);
	*out_len = out.len;
	free(out.s);
	return text;
}

// Whether a configured file is one C code can include (not a .pc file, a
// CMake package file, a script).
static bool c_family_file(const char *path)
{
	static const char *const exts[] = { ".h", ".hh", ".hpp", ".hxx", ".inc", ".inl", ".def", ".c" };
	for (size_t i = 0; i < BH_ARRAY_LEN(exts); i++)
		if (bh_str_ends_with(path, exts[i]))
			return true;
	return false;
}

// configure_file(<input> <output> [COPYONLY] [@ONLY] ...): the output is a
// file of the build tree, taken in the source tree (an in-source build's
// layout: `${PROJECT_BINARY_DIR}/config.h` is config.h beside the top
// CMakeLists.txt); written unless the context has that file.
static void run_configure_file(cm_reader *cm, const cm_frame *fr, const str_vec *w)
{
	if (w->len < 2 || is_unknown(w->items[0]) || is_unknown(w->items[1]))
		return;
	bool at_only = false, copy_only = false;
	for (size_t i = 2; i < w->len; i++) {
		at_only |= strcmp(w->items[i], "@ONLY") == 0;
		copy_only |= strcmp(w->items[i], "COPYONLY") == 0;
	}
	const char *in = src_path(cm, fr->src_dir, w->items[0]);
	const char *o = w->items[1];
	const char *out = NULL;
	const char *bin = !fr->bin_dir[0] ? cm->top_dir
			: cm->top_dir[0] ? bh_arena_sprintf(cm->scratch, "%s/%s", cm->top_dir, fr->bin_dir)
					 : fr->bin_dir;
	if (o[0] == BIN_ROOT)
		out = src_path(cm, cm->top_dir, o[1] == '/' ? o + 2 : o + 1);
	else if (o[0] == SRC_ROOT)
		out = src_path(cm, "", o);
	else if (o[0] != '/' && !strchr(o, SRC_ROOT) && !strchr(o, BIN_ROOT))
		out = src_path(cm, bin, o);
	// An output naming a directory (`.`, `dir/`, a build or source
	// directory) gets the input's name there.
	size_t olen = strlen(o);
	if (in && out &&
	    (o[olen - 1] == '/' || !out[0] || strcmp(out, cm->top_dir) == 0 || strcmp(out, bin) == 0 ||
	     strcmp(out, fr->src_dir) == 0)) {
		const char *base = strrchr(in, '/') ? strrchr(in, '/') + 1 : in;
		out = out[0] ? bh_arena_sprintf(cm->scratch, "%s/%s", out, base) : base;
	}
	if (!in || !out || !out[0] || !c_family_file(out) || file_exists(cm, out) ||
	    cm->configured->len >= 256)
		return;
	for (size_t i = 0; i < cm->configured->len; i++)
		if (strcmp(cm->configured->items[i].path, out) == 0)
			return; // written already: the first one is what the units read
	const char *text = NULL;
	size_t len = 0;
	if (!cm->read || !cm->read(in, &text, &len, cm->payload))
		return;
	bh_disc_config_header h = { .path = bh_arena_strdup(cm->out_arena, out),
				    .dir = bh_arena_strdup(cm->out_arena, cm->top_dir),
				    .template_path = bh_arena_strdup(cm->out_arena, in),
				    .cmake = true };
	h.text = copy_only ? bh_arena_strndup(cm->out_arena, text, len)
			   : configured_text(cm, text, len, at_only, &h.len, &h.ndefined);
	if (copy_only)
		h.len = len;
	if (h.text)
		bh_vec_push(cm->configured, h);
}

static void run_command(cm_reader *cm, cm_frame *fr, const cm_cmd *c, const str_vec *w,
			bool tainted)
{
	const char *nm = c->name;
	bool cond = fr->cond > 0;
	if (cond && is_assignment(nm)) { // the branch may not run: taint what it assigns
		size_t at = strcmp(nm, "list") == 0 || strcmp(nm, "file") == 0 ? 1
			  : strcmp(nm, "aux_source_directory") == 0 ? 1 : 0;
		if (at < w->len)
			taint_var(cm, w->items[at]);
		return;
	}
	if (cond && is_flag_command(nm))
		return;
	size_t ti = w->len ? target_find(cm, w->items[0]) : SIZE_MAX;
	if (strcmp(nm, "set") == 0 && w->len) {
		run_set(cm, w, tainted);
	} else if (strcmp(nm, "unset") == 0 && w->len) {
		bool parent = w->len > 1 && strcmp(w->items[1], "PARENT_SCOPE") == 0;
		if (w->len > 1 && strcmp(w->items[1], "CACHE") == 0)
			bh_strmap_put(&cm->cache, w->items[0], "");
		else if (!parent || cm->scope->parent)
			set_var(cm, parent ? cm->scope->parent : cm->scope, w->items[0], UNSET);
	} else if (strcmp(nm, "option") == 0 && w->len) {
		if (!raw_value(cm, w->items[0]))
			bh_strmap_put(&cm->cache, w->items[0], w->len > 2 ? w->items[2] : "OFF");
	} else if (strcmp(nm, "list") == 0) {
		run_list(cm, w, tainted);
	} else if (strcmp(nm, "file") == 0) {
		run_file(cm, fr, w, tainted);
	} else if (strcmp(nm, "aux_source_directory") == 0) {
		run_aux_source_directory(cm, fr, w, tainted);
	} else if (strcmp(nm, "project") == 0) {
		run_project(cm, fr, w);
	} else if (strcmp(nm, "add_executable") == 0 || strcmp(nm, "add_library") == 0) {
		declare_target(cm, fr, c, w, tainted, nm[4] == 'e');
	} else if (strcmp(nm, "target_sources") == 0) {
		if (ti != SIZE_MAX && cond)
			cm->t.items.items[ti].incomplete = true;
		else if (ti != SIZE_MAX && !cm->info.items[ti].imported)
			add_sources(cm, fr->src_dir, ti, w, 1, w->len, tainted);
	} else if (strcmp(nm, "target_link_libraries") == 0) {
		if (ti != SIZE_MAX && cond)
			cm->info.items[ti].link_unknown = true;
		else if (ti != SIZE_MAX)
			link_libraries(cm, ti, w, tainted);
	} else if (strcmp(nm, "target_compile_options") == 0 && ti != SIZE_MAX) {
		add_options(cm, &cm->info.items[ti].cflags, w, 1, w->len, false);
	} else if (strcmp(nm, "target_compile_definitions") == 0 && ti != SIZE_MAX) {
		add_options(cm, &cm->info.items[ti].cflags, w, 1, w->len, true);
	} else if (strcmp(nm, "target_link_options") == 0 && ti != SIZE_MAX) {
		add_options(cm, &cm->info.items[ti].lflags, w, 1, w->len, false);
	} else if (strcmp(nm, "add_compile_options") == 0 || strcmp(nm, "add_definitions") == 0) {
		append_to_var(cm, DIR_COPTS, w, 0, w->len);
	} else if (strcmp(nm, "add_compile_definitions") == 0) {
		str_vec defs = { 0 };
		add_options(cm, &defs, w, 0, w->len, true);
		append_to_var(cm, DIR_COPTS, &defs, 0, defs.len);
		bh_vec_dispose(&defs);
	} else if (strcmp(nm, "add_link_options") == 0) {
		append_to_var(cm, DIR_LOPTS, w, 0, w->len);
	} else if (strcmp(nm, "set_target_properties") == 0) {
		set_target_properties(cm, w);
	} else if (strcmp(nm, "set_property") == 0) {
		set_property(cm, w);
	} else if (strcmp(nm, "install") == 0) {
		install_targets(cm, w);
	} else if (strcmp(nm, "add_subdirectory") == 0) {
		run_subdirectory(cm, fr, w);
	} else if (strcmp(nm, "include") == 0) {
		run_include(cm, fr, w);
	} else if (strcmp(nm, "return") == 0) {
		fr->stop |= !cond;
	} else if (cm->configured && strncmp(nm, "check_", 6) == 0 && run_check(cm, nm, w)) {
		// a check_*() the host answers
	} else if (cm->configured && strcmp(nm, "configure_file") == 0 && !cond) {
		run_configure_file(cm, fr, w);
	} else {
		cmd_class cls = classify(nm);
		if (cls != CMD_HARMLESS)
			run_unknown(cm, nm, w, cond ? CMD_OTHER : cls);
	}
}

// Run the commands of a file in order. if() and its branches are not
// evaluated: they only count the conditional depth.
static void run_commands(cm_reader *cm, const cm_file *f, cm_frame *fr)
{
	for (size_t i = 0; i < f->cmds.len && !fr->stop; i++) {
		const cm_cmd *c = &f->cmds.items[i];
		const char *nm = c->name;
		if (strcmp(nm, "foreach") == 0 || strcmp(nm, "while") == 0 ||
		    strcmp(nm, "function") == 0 || strcmp(nm, "macro") == 0) {
			i = skip_block(cm, f, i);
			continue;
		}
		if (strcmp(nm, "if") == 0) {
			fr->cond++;
			continue;
		}
		if (strcmp(nm, "endif") == 0) {
			fr->cond -= fr->cond > 0;
			continue;
		}
		if (strcmp(nm, "elseif") == 0 || strcmp(nm, "else") == 0 || !nm[0])
			continue;
		str_vec w = { 0 };
		bool tainted = false;
		eval_args(cm, f, c, &w, &tainted);
		run_command(cm, fr, c, &w, tainted);
		bh_vec_dispose(&w);
	}
}

/* ---------------------------------------------------------------- entry */

// A -DNAME[:TYPE]=VALUE definition of the configure line into the cache.
static void define(cm_reader *cm, const char *def)
{
	const char *eq = strchr(def, '=');
	if (!eq || eq == def)
		return;
	size_t n = (size_t)(eq - def);
	const char *colon = memchr(def, ':', n);
	char *name = bh_xstrndup(def, colon ? (size_t)(colon - def) : n);
	if (name[0])
		bh_strmap_put(&cm->cache, name, eq + 1);
	free(name);
}

// The output file of target ti and where the build puts it.
static void output_path(cm_reader *cm, size_t ti)
{
	bh_disc__target *t = &cm->t.items.items[ti];
	const cm_info *info = &cm->info.items[ti];
	bool lib = t->kind == BH_BUILD_SHARED_LIB || t->kind == BH_BUILD_STATIC_LIB;
	const char *prefix = info->prefix ? info->prefix : lib ? "lib" : "";
	const char *suffix = info->suffix ? info->suffix
			   : t->kind == BH_BUILD_SHARED_LIB ? ".so"
			   : t->kind == BH_BUILD_STATIC_LIB ? ".a" : "";
	const char *file = bh_arena_sprintf(cm->scratch, "%s%s%s", prefix,
					    info->out_name ? info->out_name : t->name, suffix);
	const char *dir = info->bin_dir, *od = info->out_dir;
	if (od && od[0] == BIN_ROOT && !strchr(od + 1, BIN_ROOT) && !strchr(od, SRC_ROOT))
		dir = no_dot(join_clean(cm, "", od[1] == '/' ? od + 2 : od[1] ? od + 1 : "."));
	else if (od && !strchr(od, BIN_ROOT) && !strchr(od, SRC_ROOT) && !is_unknown(od))
		dir = join_clean(cm, info->bin_dir, od);
	t->path = dir[0] ? join_clean(cm, dir, file) : file;
}

// Links by name, incompleteness that depends on the whole build, output
// paths, install paths and flags.
static void finish(cm_reader *cm)
{
	for (size_t i = 0; i < cm->links.len; i++) {
		const cm_link *l = &cm->links.items[i];
		size_t to = target_find(cm, l->name);
		if (to != SIZE_MAX && to != l->target)
			bh_vec_push(&cm->t.items.items[l->target].links, to);
		else if (to == SIZE_MAX && cm->missed) // it may be a library of an unread file
			cm->info.items[l->target].link_unknown = true;
	}
	bool contributes = cm->missed;
	for (size_t i = 0; i < cm->t.items.len; i++)
		contributes |= !cm->info.items[i].imported &&
			       (cm->t.items.items[i].kind == BH_BUILD_STATIC_LIB ||
				cm->t.items.items[i].kind == BH_BUILD_OBJECT);
	bool tainted = false;
	const char *prefix = value_of(cm, "CMAKE_INSTALL_PREFIX", false, &tainted);
	if (is_unknown(prefix) || prefix[0] != '/')
		prefix = NULL;
	for (size_t i = 0; i < cm->t.items.len; i++) {
		bh_disc__target *t = &cm->t.items.items[i];
		cm_info *info = &cm->info.items[i];
		t->incomplete |= info->link_unknown && contributes;
		output_path(cm, i);
		for (size_t k = 0; k < info->cflags.len; k++)
			bh_vec_push(&t->flags, info->cflags.items[k]);
		for (size_t k = 0; k < info->lflags.len; k++)
			bh_vec_push(&t->flags, info->lflags.items[k]);
	}
	for (size_t i = 0; i < cm->installs.len; i++) {
		const cm_install *in = &cm->installs.items[i];
		size_t ti = target_find(cm, in->name);
		if (ti == SIZE_MAX)
			continue;
		bh_disc__target *t = &cm->t.items.items[ti];
		if (!t->artifact || t->install)
			continue;
		int g = t->kind == BH_BUILD_EXECUTABLE ? 0 : t->kind == BH_BUILD_SHARED_LIB ? 1 : 2;
		const char *d = in->dest[g];
		if (in->unknown[g] || (d[0] != '/' && !prefix))
			continue;
		const char *base = strrchr(t->path, '/') ? strrchr(t->path, '/') + 1 : t->path;
		const char *dir = d[0] == '/' ? d
				: bh_arena_sprintf(cm->scratch, "%s/%s", prefix, d);
		t->install = bh_arena_strdup(cm->t.arena, join_clean(cm, dir, base));
	}
}

static void reader_dispose(cm_reader *cm, cm_scope *root)
{
	bh_strmap_dispose(&root->vars);
	bh_strmap_dispose(&cm->cache);
	bh_strmap_dispose(&cm->names);
	bh_strmap_dispose(&cm->user_cmds);
	for (size_t i = 0; i < cm->info.len; i++) {
		bh_vec_dispose(&cm->info.items[i].cflags);
		bh_vec_dispose(&cm->info.items[i].lflags);
	}
	bh_vec_dispose(&cm->info);
	bh_vec_dispose(&cm->links);
	bh_vec_dispose(&cm->installs);
	bh_vec_dispose(&cm->stack);
	bh_strset_dispose(&cm->file_set);
	bh_disc__targets_dispose(&cm->t);
	bh_arena_free(cm->scratch);
}

// A reader of the project whose files are `files` (context paths, `nfiles`
// of them; NULL: any) and `read` hands over; its targets go to `arena`.
static cm_reader reader_new(bh_arena *arena, const char *const *files, size_t nfiles,
			    bool (*read)(const char *ctx_path, const char **text, size_t *len,
					 void *payload),
			    void *payload)
{
	cm_reader cm = {
		.scratch = bh_arena_new(),
		.files = files,
		.nfiles = files ? nfiles : 0,
		.read = read,
		.payload = payload,
		.budget = MAX_COMMANDS,
	};
	cm.t.arena = arena ? arena : cm.scratch;
	cm.t.scratch = cm.scratch;
	return cm;
}

// Run the top CMakeLists.txt `file` in a reader set up by the caller.
static void reader_run(cm_reader *cm, cm_scope *root, const char *file, const char *text, size_t len,
		       const char *const *defines, size_t ndefines)
{
	cm->scope = root;
	const char *dir = dir_of(cm, file);
	cm->top_dir = dir;
	for (size_t i = 0; defines && i < ndefines; i++) {
		const char *d = defines[i];
		if (d && strcmp(d, "-D") == 0 && i + 1 < ndefines && defines[i + 1])
			define(cm, defines[++i]);
		else if (d && strncmp(d, "-D", 2) == 0)
			define(cm, d + 2);
	}
	static const char *const defaults[][2] = {
		{ "CMAKE_INSTALL_PREFIX", "/usr/local" }, { "CMAKE_C_FLAGS", "" },
		{ "CMAKE_EXE_LINKER_FLAGS", "" },         { "CMAKE_SHARED_LINKER_FLAGS", "" },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(defaults); i++)
		if (!bh_strmap_get(&cm->cache, defaults[i][0]))
			bh_strmap_put(&cm->cache, defaults[i][0], defaults[i][1]);
	set_var(cm, root, "CMAKE_SOURCE_DIR", src_root_path(cm, dir));
	set_var(cm, root, "CMAKE_CURRENT_SOURCE_DIR", src_root_path(cm, dir));
	set_var(cm, root, "CMAKE_CURRENT_LIST_DIR", src_root_path(cm, dir));
	set_var(cm, root, "CMAKE_BINARY_DIR", bin_root_path(cm, ""));
	set_var(cm, root, "CMAKE_CURRENT_BINARY_DIR", bin_root_path(cm, ""));
	cm_frame fr = { .src_dir = dir, .bin_dir = "" };
	run_text(cm, file, text ? text : "", text ? len : 0, &fr);
}

void bh_cmake_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		      size_t len, const char *const *defines, size_t ndefines,
		      const char *const *files, size_t nfiles,
		      bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload),
		      void *payload, bh_diags *diags)
{
	memset(out, 0, sizeof(*out));
	cm_reader cm = reader_new(arena, files, nfiles, read, payload);
	cm_scope root = { 0 };
	const char *file = path ? path : "CMakeLists.txt";
	reader_run(&cm, &root, file, text, len, defines, ndefines);
	finish(&cm);
	bh_disc__targets_output(out, &cm.t);
	out->file = bh_arena_strdup(arena, file);
	if (cm.limited || cm.t.limited)
		bh_diag_add(diags, BH_LEVEL_WARNING, "disc.cmake-limit", file, 0, 0,
			    "CMakeLists.txt too large or too convoluted to read completely; "
			    "build recipes read from it may be incomplete");
	reader_dispose(&cm, &root);
}

void bh_cmake_config_headers(bh_disc_config_headers *out, bh_arena *arena, const char *root,
			     const char *path, const char *text, size_t len,
			     const char *const *files, size_t nfiles,
			     bool (*read)(const char *ctx_path, const char **text, size_t *len,
					  void *payload),
			     void *payload, const bh_disc_host *host)
{
	// Its targets are not wanted: they stay in the reader's scratch.
	cm_reader cm = reader_new(NULL, files, nfiles, read, payload);
	cm.host = host;
	cm.root = strcmp(root, "/") == 0 ? "" : root;
	cm.out_arena = arena;
	cm.configured = out;
	cm_scope root_scope = { 0 };
	size_t first = out->len;
	reader_run(&cm, &root_scope, path, text, len, NULL, 0);
	for (size_t i = first; i < out->len; i++)
		out->items[i].abs_path = bh_arena_sprintf(arena, "%s/%s", cm.root, out->items[i].path);
	reader_dispose(&cm, &root_scope);
}
